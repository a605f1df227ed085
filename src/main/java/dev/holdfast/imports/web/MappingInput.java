package dev.holdfast.imports.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.ImportRefusedException;
import dev.holdfast.shared.InvalidInputException;

/**
 * A corrected column mapping as it arrives: JSON {@code {"0":"CUSTOMER_NAME",...}} from
 * the API, one select {@code mapping[0]} per column from the page. An empty field leaves
 * the column out. Every problem is reported at {@code mapping[<column>]}.
 */
final class MappingInput {

	private static final Pattern SELECT = Pattern.compile("mapping\\[(\\d{1,4})]");

	private static final Pattern SERVICE_FIELD = Pattern.compile("fields(\\[.*)?");

	/**
	 * The most refused columns one answer lists (attack, stop 22: a mapping of 200,000
	 * bad columns answered 12.8 MB of messages).
	 */
	private static final int MOST_ERRORS = 20;

	private MappingInput() {
	}

	/** The mapping of the API's {@code mapping} part; null when there is none. */
	static Map<Integer, ImportField> ofJson(String json, ObjectMapper mapper) {
		if (json == null || json.isBlank()) {
			return null;
		}
		Map<String, String> raw;
		try {
			raw = mapper.readValue(json, new TypeReference<Map<String, String>>() {
			});
		}
		catch (JacksonException ex) {
			raw = null;
		}
		if (raw == null) {
			// attack, stop 22: the JSON null answered 500
			throw new InvalidInputException("mapping",
					"must be a JSON object of column numbers and field names, e.g. {\"0\":\"CUSTOMER_NAME\"}");
		}
		return of(raw);
	}

	/**
	 * The selects as submitted ({@code mapping[3]} → field name), to show a refused
	 * mapping again as it was chosen.
	 */
	static Map<Integer, String> submitted(Map<String, String[]> parameters) {
		Map<Integer, String> chosen = new TreeMap<>();
		parameters.forEach((name, values) -> {
			Matcher select = SELECT.matcher(name);
			if (select.matches() && values.length > 0) {
				chosen.put(Integer.valueOf(select.group(1)), values[0]);
			}
		});
		return chosen;
	}

	/** The mapping of the page's selects; null when the form has none. */
	static Map<Integer, ImportField> ofForm(Map<String, String> parameters) {
		Map<String, String> raw = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			Matcher select = SELECT.matcher(name);
			if (select.matches()) {
				raw.put(select.group(1), value);
			}
		});
		return raw.isEmpty() ? null : of(raw);
	}

	private static Map<Integer, ImportField> of(Map<String, String> raw) {
		Map<Integer, ImportField> fields = new TreeMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		raw.forEach((column, field) -> {
			if (errors.size() >= MOST_ERRORS) {
				return;
			}
			Integer number = column(column);
			if (number == null) {
				errors.put("mapping[" + shortened(column) + "]", "is not a column number (0 for the first column)");
			}
			else if (field != null && !field.isBlank()) {
				try {
					fields.put(number, ImportField.valueOf(field.strip()));
				}
				catch (IllegalArgumentException ex) {
					errors.put("mapping[" + number + "]", "is not an import field");
				}
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return fields;
	}

	private static String shortened(String text) {
		return text.length() > 20 ? text.substring(0, 20) + "…" : text;
	}

	private static Integer column(String text) {
		return text != null && text.matches("0|[1-9]\\d{0,3}") ? Integer.valueOf(text) : null;
	}

	/**
	 * Calls the service, reporting its refusal of a mapping ({@code fields[3]}) where the
	 * request named it ({@code mapping[3]}).
	 */
	static <T> T reported(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ImportRefusedException ex) {
			throw ex;
		}
		catch (InvalidInputException ex) {
			Map<String, String> renamed = new LinkedHashMap<>();
			ex.fields().forEach((field, message) -> {
				Matcher service = SERVICE_FIELD.matcher(field);
				renamed.put(service.matches() ? "mapping" + Objects.toString(service.group(1), "") : field, message);
			});
			throw new InvalidInputException(renamed);
		}
	}

}
