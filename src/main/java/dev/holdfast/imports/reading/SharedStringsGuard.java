package dev.holdfast.imports.reading;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;

/**
 * Counts the shared strings of an XLSX file before POI loads them, which it does whole:
 * an insider-attack helper's 7 MB file held 23 million one-letter strings (408 MB of XML,
 * a ratio the zip guard allows) and ran the server out of memory. A file with more than
 * {@link ImportLimits#maxSharedStrings()} is refused, having cost one streaming pass.
 */
final class SharedStringsGuard {

	private SharedStringsGuard() {
	}

	static void check(OPCPackage pkg, ImportLimits limits) throws IOException {
		for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
			try (InputStream in = new BoundedInputStream(part.getInputStream(), limits.maxUnzippedSize().toBytes())) {
				XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
				long strings = 0;
				while (xml.hasNext()) {
					if (xml.next() == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())
							&& ++strings > limits.maxSharedStrings()) {
						throw new ImportRefusedException(
								"has more than " + limits.maxSharedStrings() + " different texts");
					}
				}
				xml.close();
			}
			catch (XMLStreamException ex) {
				throw new ImportRefusedException("is not a readable XLSX file");
			}
		}
	}

}
