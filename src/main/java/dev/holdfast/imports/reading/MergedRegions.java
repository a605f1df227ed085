package dev.holdfast.imports.reading;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;

import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;

/**
 * The merged ranges of a sheet, read from its {@code <mergeCells>} in one streaming pass.
 */
final class MergedRegions {

	/** A merged range, 0-based and inclusive. */
	record Region(int firstRow, int lastRow, int firstColumn, int lastColumn) {

		boolean covers(int row) {
			return this.firstRow <= row && row <= this.lastRow;
		}

	}

	private MergedRegions() {
	}

	static List<Region> read(InputStream sheet, ImportLimits limits) {
		List<Region> regions = new ArrayList<>();
		try {
			XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())) {
					String ref = xml.getAttributeValue(null, "ref");
					if (ref != null && ref.contains(":")) {
						CellRangeAddress range = CellRangeAddress.valueOf(ref);
						if (range.getFirstRow() >= 0 && range.getFirstColumn() >= 0
								&& range.getLastRow() >= range.getFirstRow()
								&& range.getLastColumn() >= range.getFirstColumn()) {
							regions.add(new Region(range.getFirstRow(), range.getLastRow(), range.getFirstColumn(),
									range.getLastColumn()));
						}
					}
					if (regions.size() > limits.maxMergedRegions()) {
						throw new ImportRefusedException(
								"has more than " + limits.maxMergedRegions() + " merged cell ranges");
					}
				}
			}
			xml.close();
			return regions;
		}
		catch (XMLStreamException | IllegalArgumentException ex) {
			throw new ImportRefusedException("is not a readable XLSX file");
		}
	}

}
