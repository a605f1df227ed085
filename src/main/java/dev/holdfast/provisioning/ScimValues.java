package dev.holdfast.provisioning;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Reads SCIM attribute values as identity providers send them: Entra sends booleans as
 * the strings "True" and "False".
 */
final class ScimValues {

	private ScimValues() {
	}

	/** A string, or null for JSON null or a missing value. */
	static String string(JsonNode value, String path) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ScimException.invalidValue(path + " must be a string");
		}
		return value.stringValue();
	}

	static Boolean bool(JsonNode value, String path) {
		if (value != null && value.isBoolean()) {
			return value.booleanValue();
		}
		if (value != null && value.isString()) {
			String text = value.stringValue().strip().toLowerCase(Locale.ROOT);
			if (text.equals("true") || text.equals("false")) {
				return Boolean.valueOf(text);
			}
		}
		throw ScimException.invalidValue(path + " must be true or false");
	}

	/**
	 * A multi-valued or complex value's {@code value}: from a list (the primary, else the
	 * first), one object, or the value alone. E-mails and the manager come in all three.
	 */
	static String email(JsonNode value, String path) {
		if (value != null && value.isArray()) {
			return primaryEmail(value);
		}
		if (value != null && value.isObject()) {
			return string(value.get("value"), path + ".value");
		}
		return string(value, path);
	}

	/** The primary address of a list of e-mails, else the first; null for none. */
	static String primaryEmail(JsonNode emails) {
		if (emails == null || emails.isNull()) {
			return null;
		}
		if (!emails.isArray()) {
			throw ScimException.invalidValue("emails must be an array");
		}
		String first = null;
		for (JsonNode email : emails) {
			if (!email.isObject()) {
				throw ScimException.invalidValue("emails must hold objects with a value");
			}
			String value = string(email.get("value"), "emails.value");
			JsonNode primary = email.get("primary");
			if (value != null && primary != null && !primary.isNull() && bool(primary, "emails.primary")) {
				return value;
			}
			first = first == null ? value : first;
		}
		return first;
	}

	/**
	 * Family and given name as one display name: Chinese names family name first without
	 * a space, others given name first.
	 */
	static String fullName(String givenName, String familyName) {
		String given = givenName == null ? "" : givenName.strip();
		String family = familyName == null ? "" : familyName.strip();
		if (given.isEmpty() && family.isEmpty()) {
			return null;
		}
		boolean han = (given + family).codePoints()
			.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		return han ? family + given : (given + " " + family).strip();
	}

}
