package dev.holdfast.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

import dev.holdfast.imports.ImportFormat;
import dev.holdfast.imports.ImportHeader;
import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;
import dev.holdfast.imports.ImportTable;

/**
 * Reads the first sheet of an XLSX file row by row with StAX over the sheet's XML (Apache
 * POI's event API for the package, shared strings and styles), never building the
 * workbook. The sheet is read twice: once for its merged ranges, which the file keeps
 * after the cells, and once for the rows. Merged cells give their value to every cell
 * they cover; a header whose merged cells span two rows is read as two rows combined
 * ({@code 联系人-手机}).
 */
public final class XlsxReader {

	private XlsxReader() {
	}

	public static ImportTable open(Path file, ImportLimits limits) {
		guardZip(limits);
		OPCPackage pkg = null;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(pkg);
			SharedStringsGuard strings = SharedStringsGuard.read(pkg, limits);
			StylesTable styles = reader.getStylesTable();
			List<MergedRegions.Region> merged;
			try (InputStream sheet = firstSheet(reader, limits)) {
				merged = MergedRegions.read(sheet, limits);
			}
			SheetRows rows = new SheetRows(pkg, firstSheet(reader, limits), new CellText(strings, styles), merged,
					limits);
			return new Table(ImportFormat.XLSX, header(rows, merged), rows, limits);
		}
		catch (ImportRefusedException ex) {
			closeQuietly(pkg);
			throw ex;
		}
		catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException
				| org.xml.sax.SAXException | NoClassDefFoundError ex) {
			// NoClassDefFoundError: a part compressed by a method (Zstandard, found by
			// fuzzing)
			// whose optional decoder is not on the class path
			closeQuietly(pkg);
			throw new ImportRefusedException("is not a readable XLSX file");
		}
	}

	/**
	 * POI's guard is JVM-wide: it is only ever made stricter here, never looser than what
	 * another reader of spreadsheets set.
	 */
	private static void guardZip(ImportLimits limits) {
		if (ZipSecureFile.getMinInflateRatio() < limits.minInflateRatio()) {
			ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
		}
		if (ZipSecureFile.getMaxEntrySize() > limits.maxUnzippedSize().toBytes()) {
			ZipSecureFile.setMaxEntrySize(limits.maxUnzippedSize().toBytes());
		}
	}

	private static InputStream firstSheet(XSSFReader reader, ImportLimits limits) throws IOException {
		try {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new ImportRefusedException("has no sheet");
			}
			return new BoundedInputStream(sheets.next(), limits.maxUnzippedSize().toBytes());
		}
		catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			throw new ImportRefusedException("is not a readable XLSX file");
		}
	}

	private static ImportHeader header(SheetRows rows, List<MergedRegions.Region> merged) {
		RawRow top = rows.next();
		while (top != null && top.blank()) {
			top = rows.next();
		}
		if (top == null) {
			rows.close();
			throw new ImportRefusedException("has no header row");
		}
		int topIndex = (int) top.number() - 1;
		boolean twoRows = merged.stream().anyMatch(r -> r.firstRow() == topIndex && r.lastRow() > r.firstRow());
		if (!twoRows) {
			return new ImportHeader(top.number(), top.cells());
		}
		RawRow second = rows.next();
		if (second == null) {
			return new ImportHeader(top.number(), top.cells());
		}
		return new ImportHeader(top.number(), combined(top.cells(), second.cells()));
	}

	static List<String> combined(List<String> top, List<String> bottom) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < Math.max(top.size(), bottom.size()); i++) {
			String upper = i < top.size() ? top.get(i).strip() : "";
			String lower = i < bottom.size() ? bottom.get(i).strip() : "";
			if (lower.isEmpty() || upper.equals(lower)) {
				names.add(upper);
			}
			else {
				names.add(upper.isEmpty() ? lower : upper + "-" + lower);
			}
		}
		return names;
	}

	static void closeQuietly(OPCPackage pkg) {
		if (pkg != null) {
			pkg.revert();
		}
	}

}
