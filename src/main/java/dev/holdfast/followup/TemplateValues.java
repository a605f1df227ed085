package dev.holdfast.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.holdfast.shared.InvalidInputException;

/**
 * The values a follow-up gives for its template's fields, checked: required ones present,
 * each of its type, no unknown keys. Errors are keyed {@code fields.<key>}.
 *
 * @param template the template applied, null when none applies
 * @param values the checked values (text, {@code yyyy-MM-dd} date, decimal number, chosen
 * option)
 * @param nextContactAt the next contact the {@value TemplateField#NEXT_CONTACT} field
 * sets
 */
record TemplateValues(FollowUpTemplateView template, Map<String, Object> values, Instant nextContactAt) {

	static final int MAX_TEXT = 200;

	static final int MAX_TEXTAREA = 2000;

	static TemplateValues check(FollowUpTemplateView template, Map<String, ?> given, ZoneId zone) {
		Map<String, ?> raw = given == null ? Map.of() : given;
		Map<String, String> errors = new LinkedHashMap<>();
		if (template == null) {
			raw.keySet().forEach(key -> errors.put("fields." + key, "no template with this field applies"));
			fail(errors);
			return new TemplateValues(null, Map.of(), null);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (String key : raw.keySet()) {
			if (template.fields().stream().noneMatch(f -> f.key().equals(key))) {
				errors.put("fields." + key, "is not a field of the template");
			}
		}
		Instant next = null;
		for (TemplateField field : template.fields()) {
			Object value = raw.get(field.key());
			String text = value == null ? "" : String.valueOf(value).strip();
			if (text.isEmpty()) {
				if (field.required()) {
					errors.put("fields." + field.key(), "must not be blank");
				}
				continue;
			}
			try {
				Object checked = typed(field, text);
				values.put(field.key(), checked);
				if (field.type() == TemplateFieldType.DATE && TemplateField.NEXT_CONTACT.equals(field.key())) {
					next = LocalDate.parse((String) checked)
						.atTime(QuickFollowUp.REMINDER_TIME)
						.atZone(zone)
						.toInstant();
				}
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				errors.put("fields." + field.key(), ex.getMessage());
			}
		}
		fail(errors);
		return new TemplateValues(template, values, next);
	}

	private static Object typed(TemplateField field, String text) {
		return switch (field.type()) {
			case TEXT -> limited(text, MAX_TEXT);
			case TEXTAREA -> limited(text, MAX_TEXTAREA);
			case NUMBER -> number(text);
			case DATE -> date(text);
			case CHOICE -> {
				if (!field.options().contains(text)) {
					throw new IllegalArgumentException("must be one of the options");
				}
				yield text;
			}
		};
	}

	private static String limited(String text, int max) {
		if (text.codePointCount(0, text.length()) > max) {
			throw new IllegalArgumentException("is too long");
		}
		return text;
	}

	private static BigDecimal number(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("must be a number");
		}
	}

	private static String date(String text) {
		try {
			return LocalDate.parse(text).toString();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("must be a date (yyyy-MM-dd)");
		}
	}

	private static void fail(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
