package dev.holdfast.imports.reading;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;

import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;

/**
 * The rows of a sheet's XML, pulled one at a time; merged ranges fill the cells they
 * cover.
 */
final class SheetRows implements RawRows {

	private final OPCPackage pkg;

	private final InputStream sheet;

	private final XMLStreamReader xml;

	private final CellText text;

	private final List<MergedRegions.Region> merged;

	private final String[] mergedValues;

	private final ImportLimits limits;

	private long lastRow;

	SheetRows(OPCPackage pkg, InputStream sheet, CellText text, List<MergedRegions.Region> merged,
			ImportLimits limits) {
		this.pkg = pkg;
		this.sheet = sheet;
		this.text = text;
		this.merged = merged;
		this.mergedValues = new String[merged.size()];
		this.limits = limits;
		try {
			this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
		}
		catch (XMLStreamException ex) {
			throw new ImportRefusedException("is not a readable XLSX file");
		}
	}

	@Override
	public RawRow next() {
		try {
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT && "row".equals(this.xml.getLocalName())) {
					return row();
				}
				if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(this.xml.getLocalName())) {
					return null;
				}
			}
			return null;
		}
		catch (XMLStreamException | RuntimeException | NoClassDefFoundError ex) {
			if (ex instanceof ImportRefusedException refused) {
				throw refused;
			}
			throw new ImportRefusedException("is not a readable XLSX file after row " + this.lastRow);
		}
	}

	private RawRow row() throws XMLStreamException {
		long number = number(this.xml.getAttributeValue(null, "r"), this.lastRow + 1);
		if (number > Integer.MAX_VALUE) {
			throw new ImportRefusedException("has a row beyond the sheet's end");
		}
		this.lastRow = number;
		List<String> cells = new ArrayList<>();
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "c".equals(this.xml.getLocalName())) {
				cell(number, cells);
			}
			else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(this.xml.getLocalName())) {
				break;
			}
		}
		fillMerged((int) number - 1, cells);
		return new RawRow(number, Cells.checked(number, cells, this.limits));
	}

	private void cell(long row, List<String> cells) throws XMLStreamException {
		String ref = this.xml.getAttributeValue(null, "r");
		String type = this.xml.getAttributeValue(null, "t");
		String style = this.xml.getAttributeValue(null, "s");
		String value = null;
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT && "v".equals(this.xml.getLocalName())) {
				value = this.xml.getElementText();
			}
			else if (event == XMLStreamConstants.START_ELEMENT && "is".equals(this.xml.getLocalName())) {
				value = InlineStrings.read(this.xml);
			}
			else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(this.xml.getLocalName())) {
				break;
			}
		}
		int column = ref == null ? cells.size() : column(ref, cells.size());
		String cell = Cells.checkedCell(row, this.text.of(type, style, value), this.limits);
		if (column >= this.limits.maxColumns()) {
			if (!cell.isBlank()) {
				throw new ImportRefusedException(
						"row " + row + " has more than " + this.limits.maxColumns() + " columns");
			}
			return;
		}
		while (cells.size() <= column) {
			cells.add("");
		}
		cells.set(column, cell);
	}

	private void fillMerged(int row, List<String> cells) {
		for (int i = 0; i < this.merged.size(); i++) {
			MergedRegions.Region region = this.merged.get(i);
			if (!region.covers(row)) {
				continue;
			}
			if (row == region.firstRow()) {
				this.mergedValues[i] = region.firstColumn() < cells.size() ? cells.get(region.firstColumn()) : "";
			}
			String value = this.mergedValues[i];
			if (value == null || value.isEmpty()) {
				continue;
			}
			int last = Math.min(region.lastColumn(), this.limits.maxColumns() - 1);
			for (int column = region.firstColumn(); column <= last; column++) {
				while (cells.size() <= column) {
					cells.add("");
				}
				if (cells.get(column).isEmpty()) {
					cells.set(column, value);
				}
			}
		}
	}

	private static int column(String ref, int next) {
		try {
			int column = new CellReference(ref).getCol();
			return column < 0 ? next : column;
		}
		catch (RuntimeException ex) {
			return next;
		}
	}

	private static long number(String value, long next) {
		if (value == null) {
			return next;
		}
		try {
			long number = Long.parseLong(value.strip());
			return number < 1 ? next : number;
		}
		catch (NumberFormatException ex) {
			return next;
		}
	}

	@Override
	public void close() {
		try {
			this.xml.close();
			this.sheet.close();
		}
		catch (XMLStreamException | java.io.IOException ex) {
			// only read: nothing to lose
		}
		XlsxReader.closeQuietly(this.pkg);
	}

}
