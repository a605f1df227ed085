package dev.holdfast.imports.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.holdfast.imports.ColumnMapping;
import dev.holdfast.imports.ImportField;

/**
 * The required fields a file has no column for, which the preview reports at column -1
 * without naming them: the customer's name always, the contact's name when the file has
 * any other contact column. The page names them, so that the importer knows which column
 * to map.
 */
final class MissingColumns {

	private static final Set<ImportField> CONTACT = EnumSet.of(ImportField.CONTACT_TITLE, ImportField.PHONE,
			ImportField.OTHER_PHONE, ImportField.EMAIL, ImportField.WECHAT, ImportField.GENDER, ImportField.BIRTHDAY);

	private MissingColumns() {
	}

	static List<ImportField> of(ColumnMapping mapping) {
		List<ImportField> missing = new ArrayList<>();
		if (mapping.column(ImportField.CUSTOMER_NAME).isEmpty()) {
			missing.add(ImportField.CUSTOMER_NAME);
		}
		if (mapping.column(ImportField.CONTACT_NAME).isEmpty()
				&& mapping.fields().values().stream().anyMatch(CONTACT::contains)) {
			missing.add(ImportField.CONTACT_NAME);
		}
		return missing;
	}

}
