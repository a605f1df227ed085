package dev.holdfast.protection;

import java.util.List;

/**
 * The rows of one export before it becomes a file.
 *
 * @param identifying the columns whose values fingerprint the export (names, phones,
 * e-mails)
 */
record ExportTable(List<String> columns, List<List<String>> rows, List<Integer> identifying) {

	ExportTable withRows(List<List<String>> rows) {
		return new ExportTable(this.columns, rows, this.identifying);
	}

}
