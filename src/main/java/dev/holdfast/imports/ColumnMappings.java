package dev.holdfast.imports;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.imports.mapping.AutomaticMapping;
import dev.holdfast.imports.mapping.HeaderNames;
import dev.holdfast.imports.mapping.RememberedMappings;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * The mapping of a file's columns to fields: the one the importer saved for the file's
 * layout, else the automatic one by header names. Corrections are remembered per layout
 * and importer (never applied to someone else's files), must map the customer's name, and
 * are audited with their fields.
 */
@Service
public class ColumnMappings {

	private final RememberedMappings remembered;

	private final AuditTrail audit;

	ColumnMappings(RememberedMappings remembered, AuditTrail audit) {
		this.remembered = remembered;
		this.audit = audit;
	}

	/**
	 * The mapping the header's names give, without asking anyone (no permission needed:
	 * no data is read).
	 */
	public static ColumnMapping automatic(ImportHeader header) {
		return new ColumnMapping(HeaderNames.layout(header.names()), AutomaticMapping.of(header.names()), false);
	}

	@Transactional(readOnly = true)
	public ColumnMapping suggest(ImportHeader header) {
		Permission.CUSTOMER_IMPORT.require();
		String layout = HeaderNames.layout(header.names());
		return this.remembered.find(layout, header.size(), CurrentEmployee.id())
			.map(fields -> new ColumnMapping(layout, fields, true))
			.orElseGet(() -> automatic(header));
	}

	/**
	 * Saves the importer's mapping for every file of this layout.
	 * @throws InvalidInputException for a column the header does not have or a field
	 * given to two columns
	 */
	@Transactional
	public ColumnMapping remember(ImportHeader header, Map<Integer, ImportField> fields) {
		Permission.CUSTOMER_IMPORT.require();
		Map<String, String> errors = new HashMap<>();
		Set<ImportField> used = EnumSet.noneOf(ImportField.class);
		fields.forEach((column, field) -> {
			if (column == null || column < 0 || column >= header.size()) {
				errors.put("fields[" + column + "]", "is not a column of the file");
			}
			else if (field == null) {
				errors.put("fields[" + column + "]", "must name a field");
			}
			else if (!used.add(field) && !field.repeatable()) {
				errors.put("fields[" + column + "]", "is already given to another column");
			}
		});
		if (errors.isEmpty() && !used.contains(ImportField.CUSTOMER_NAME)) {
			errors.put("fields", "must give a column to the customer's name");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String layout = HeaderNames.layout(header.names());
		this.remembered.save(layout, header.size(), fields, CurrentEmployee.id());
		this.audit.record(AuditAction.IMPORT_MAPPING_SAVED, "import_layout", layout.substring(0, 16),
				Map.of("columns", header.size(), "mapped", fields.size(), "fields", RememberedMappings.format(fields)));
		return new ColumnMapping(layout, fields, true);
	}

}
