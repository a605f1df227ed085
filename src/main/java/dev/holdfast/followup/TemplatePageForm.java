package dev.holdfast.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.shared.InvalidInputException;

/**
 * The template editor's form as the browser sends it: fixed rows {@code field[i].key},
 * {@code .labelZh}, {@code .labelEn}, {@code .type}, {@code .required}, {@code .options}
 * (one per line); a row without a key is empty and ignored.
 */
record TemplatePageForm(String name, String kind, String level, List<Row> rows) {

	static final int BLANK_ROWS = 3;

	record Row(String key, String labelZh, String labelEn, String type, boolean required, String options) {
	}

	static TemplatePageForm of(Map<String, String> params) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; params.containsKey("field[" + i + "].key"); i++) {
			String p = "field[" + i + "].";
			rows.add(new Row(params.get(p + "key"), params.get(p + "labelZh"), params.get(p + "labelEn"),
					params.get(p + "type"), params.containsKey(p + "required"), params.get(p + "options")));
		}
		return new TemplatePageForm(params.get("name"), params.get("kind"), params.get("level"), rows);
	}

	static TemplatePageForm of(FollowUpTemplateView template) {
		List<Row> rows = new ArrayList<>(template.fields()
			.stream()
			.map(f -> new Row(f.key(), f.labelZh(), f.labelEn(), f.type().name(), f.required(),
					String.join("\n", f.options())))
			.toList());
		return new TemplatePageForm(template.name(), template.kind() == null ? "" : template.kind().name(),
				template.level() == null ? "" : template.level().name(), rows);
	}

	/** With blank rows to add fields. */
	TemplatePageForm withBlankRows() {
		List<Row> more = new ArrayList<>(this.rows);
		for (int i = 0; i < BLANK_ROWS; i++) {
			more.add(new Row("", "", "", TemplateFieldType.TEXT.name(), false, ""));
		}
		return new TemplatePageForm(this.name, this.kind, this.level, more);
	}

	/** The form for the service; a value of the wrong kind is refused by the field. */
	FollowUpTemplateForm toForm() {
		List<TemplateField> fields = new ArrayList<>();
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			if (row.key() == null || row.key().isBlank()) {
				continue;
			}
			List<String> options = row.options() == null ? List.of()
					: Arrays.stream(row.options().split("[\\n,，]"))
						.map(String::strip)
						.filter(o -> !o.isEmpty())
						.toList();
			fields.add(new TemplateField(row.key().strip(), row.labelZh(), row.labelEn(), type(row.type(), i),
					row.required(), options, fields.size()));
		}
		return new FollowUpTemplateForm(this.name,
				blank(this.kind) ? null : constant(FollowUpKind.class, this.kind, "kind"),
				blank(this.level) ? null : constant(CustomerLevel.class, this.level, "level"), fields);
	}

	private static TemplateFieldType type(String type, int row) {
		return blank(type) ? TemplateFieldType.TEXT
				: constant(TemplateFieldType.class, type, "field[" + row + "].type");
	}

	/** The constant of that name; an unknown one is refused input at its field. */
	private static <E extends Enum<E>> E constant(Class<E> type, String name, String field) {
		return Arrays.stream(type.getEnumConstants())
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "has a value of the wrong type or format"));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
