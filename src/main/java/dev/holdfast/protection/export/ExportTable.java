package dev.holdfast.protection.export;

import java.util.List;

/**
 * The rows of one export before it becomes a file.
 *
 * @param identifying the columns whose values fingerprint the export (names, phones,
 * e-mails)
 * @param contactsInText whether free text (a follow-up, a title, a name) held a phone
 * number or e-mail address: contact data like the contact columns, masked in a masked
 * export and a reason for approval in an unmasked one
 */
record ExportTable(List<String> columns, List<List<String>> rows, List<Integer> identifying, boolean contactsInText) {

	ExportTable(List<String> columns, List<List<String>> rows, List<Integer> identifying) {
		this(columns, rows, identifying, false);
	}

	ExportTable withRows(List<List<String>> rows) {
		return new ExportTable(this.columns, rows, this.identifying, this.contactsInText);
	}

}
