package dev.holdfast.imports.reading;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The separator of a CSV file: whichever of comma, semicolon and tab occurs most often
 * outside quotes in the first line (comma when none does).
 */
final class Separators {

	private static final int LOOK_AHEAD = 64 * 1024;

	private Separators() {
	}

	static char detect(BufferedReader reader) throws IOException {
		reader.mark(LOOK_AHEAD + 1);
		int comma = 0;
		int semicolon = 0;
		int tab = 0;
		boolean quoted = false;
		for (int i = 0, c = reader.read(); i < LOOK_AHEAD && c != -1; i++, c = reader.read()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r') && comma + semicolon + tab > 0) {
				break;
			}
			else if (!quoted) {
				comma += (c == ',') ? 1 : 0;
				semicolon += (c == ';') ? 1 : 0;
				tab += (c == '\t') ? 1 : 0;
			}
		}
		reader.reset();
		if (tab > comma && tab >= semicolon) {
			return '\t';
		}
		return (semicolon > comma) ? ';' : ',';
	}

}
