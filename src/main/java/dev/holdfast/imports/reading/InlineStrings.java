package dev.holdfast.imports.reading;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of an inline string ({@code <is>}): its runs' {@code <t>} joined, without the
 * phonetic guides ({@code <rPh>}) some Asian spreadsheets carry.
 */
final class InlineStrings {

	private InlineStrings() {
	}

	static String read(XMLStreamReader xml) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		int phonetic = 0;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if ("rPh".equals(xml.getLocalName())) {
					phonetic++;
				}
				else if ("t".equals(xml.getLocalName()) && phonetic == 0) {
					text.append(xml.getElementText());
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if ("rPh".equals(xml.getLocalName())) {
					phonetic--;
				}
				else if ("is".equals(xml.getLocalName())) {
					break;
				}
			}
		}
		return text.toString();
	}

}
