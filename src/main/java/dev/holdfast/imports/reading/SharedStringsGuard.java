package dev.holdfast.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;

/**
 * The shared strings of an XLSX file, read by POI's read-only table in one streaming pass
 * and counted as they are read. POI keeps them all in memory: an insider-attack helper's
 * 7 MB file held 23 million one-letter strings (408 MB of XML, a ratio the zip guard
 * allows) and ran the server out of memory. Past {@link ImportLimits#maxSharedStrings()}
 * the file is refused there and then.
 */
final class SharedStringsGuard extends ReadOnlySharedStringsTable {

	/** Null while POI's constructor runs, which reads an empty stream. */
	private final ImportLimits limits;

	private int texts;

	private SharedStringsGuard(ImportLimits limits) throws IOException, SAXException {
		super(InputStream.nullInputStream(), false);
		this.limits = limits;
	}

	static SharedStringsGuard read(OPCPackage pkg, ImportLimits limits) throws IOException, SAXException {
		SharedStringsGuard strings = new SharedStringsGuard(limits);
		List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (!parts.isEmpty()) {
			try (InputStream in = new BoundedInputStream(parts.get(0).getInputStream(),
					limits.maxUnzippedSize().toBytes())) {
				strings.readFrom(in);
			}
		}
		return strings;
	}

	@Override
	public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
		if ("si".equals(localName) && ++this.texts > this.limits.maxSharedStrings()) {
			throw new ImportRefusedException("has more than " + this.limits.maxSharedStrings() + " different texts");
		}
		super.startElement(uri, localName, name, attributes);
	}

}
