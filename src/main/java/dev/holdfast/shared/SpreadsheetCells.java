package dev.holdfast.shared;

/**
 * Cells of a file people open in a spreadsheet (an export, an evidence package's CSV):
 * one that starts like a formula ({@code = + - @}, a tab or carriage return, or their
 * full-width forms) gets a leading apostrophe, so that no spreadsheet runs what a
 * customer's name or a client's User-Agent planted there (OWASP CSV injection).
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	/**
	 * The value with a leading apostrophe if it starts like a formula; null and "" as
	 * given.
	 */
	public static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
		return formula ? "'" + value : value;
	}

}
