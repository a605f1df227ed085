package dev.holdfast.imports.mapping;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.holdfast.imports.ImportField;

/**
 * Maps header names to fields by their synonyms. A combined two-row header
 * ({@code 联系人-微信号}) is tried whole, then without the group's word, then by its lower
 * part. A field goes to its first column only; a second phone column becomes
 * {@link ImportField#OTHER_PHONE}.
 */
public final class AutomaticMapping {

	private static final List<String> GROUPS = List.of("联系人", "客户", "公司", "跟进", "contact", "customer", "company");

	private AutomaticMapping() {
	}

	public static Map<Integer, ImportField> of(List<String> names) {
		Map<Integer, ImportField> fields = new LinkedHashMap<>();
		Set<ImportField> used = EnumSet.noneOf(ImportField.class);
		for (int column = 0; column < names.size(); column++) {
			Optional<ImportField> found = field(names.get(column));
			if (found.isEmpty()) {
				continue;
			}
			ImportField field = found.get();
			if (used.contains(field) && field == ImportField.PHONE) {
				field = ImportField.OTHER_PHONE;
			}
			if (used.add(field) || field.repeatable()) {
				fields.put(column, field);
			}
		}
		return fields;
	}

	static Optional<ImportField> field(String name) {
		String normalized = HeaderNames.normalize(name);
		if (normalized.isEmpty()) {
			return Optional.empty();
		}
		Optional<ImportField> field = Synonyms.field(normalized);
		for (String group : GROUPS) {
			if (field.isEmpty() && normalized.startsWith(group) && normalized.length() > group.length()) {
				field = Synonyms.field(normalized.substring(group.length()));
			}
		}
		int dash = name.lastIndexOf('-');
		if (field.isEmpty() && dash > 0) {
			field = Synonyms.field(HeaderNames.normalize(name.substring(dash + 1)));
		}
		return field;
	}

}
