package dev.holdfast.provisioning;

import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The attributes of a SCIM user that Holdfast keeps, while a request changes them:
 * userName, the display name (from displayName, name.formatted or the name's parts), the
 * primary e-mail, externalId, active and a password. Attributes Holdfast doesn't keep
 * (title, phone numbers, the enterprise extension, ...) are accepted and ignored, so that
 * an identity provider's full profile doesn't fail; a path that isn't a SCIM path is
 * refused.
 */
final class ScimUserState {

	static final String CORE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	private static final String ENTERPRISE = ENTERPRISE_SCHEMA.toLowerCase(Locale.ROOT);

	private static final Pattern PATH = Pattern
		.compile("[A-Za-z][\\w:.\\-]*(\\[[^\\[\\]]+\\])?(\\.[A-Za-z][\\w\\-]*)?");

	private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@+\\-]{3,64}");

	String userName;

	String displayName;

	String formatted;

	String givenName;

	String familyName;

	String email;

	String externalId;

	Boolean active;

	String password;

	/** The manager's SCIM id, when {@link #managerSent}; null removes the manager. */
	String manager;

	boolean managerSent;

	/**
	 * Sets one attribute by its SCIM path (case-insensitive, with or without the schema).
	 */
	void set(String path, JsonNode value) {
		if (path == null || !PATH.matcher(path).matches()) {
			throw ScimException.invalidPath("not a SCIM attribute path: " + path);
		}
		String attribute = path.toLowerCase(Locale.ROOT);
		if (attribute.startsWith(CORE_SCHEMA.toLowerCase(Locale.ROOT) + ":")) {
			attribute = attribute.substring(CORE_SCHEMA.length() + 1);
		}
		if (attribute.startsWith("emails")) {
			this.email = ScimValues.email(value, path);
			return;
		}
		if (attribute.startsWith(ENTERPRISE)) {
			setEnterprise(attribute.substring(ENTERPRISE.length()), path, value);
			return;
		}
		switch (attribute) {
			case "username" -> this.userName = ScimValues.string(value, path);
			case "displayname" -> this.displayName = ScimValues.string(value, path);
			case "name" -> setName(value);
			case "name.formatted" -> this.formatted = ScimValues.string(value, path);
			case "name.givenname" -> this.givenName = ScimValues.string(value, path);
			case "name.familyname" -> this.familyName = ScimValues.string(value, path);
			case "externalid" -> this.externalId = ScimValues.string(value, path);
			case "active" -> this.active = ScimValues.bool(value, path);
			case "password" -> this.password = ScimValues.string(value, path);
			default -> {
				// an attribute Holdfast doesn't keep
			}
		}
	}

	/** The enterprise extension: only the manager is kept (Holdfast's reporting line). */
	private void setEnterprise(String attribute, String path, JsonNode value) {
		if (attribute.isEmpty()) {
			if (value != null && value.isObject()) {
				value.propertyNames().forEach(name -> set(ENTERPRISE_SCHEMA + ":" + name, value.get(name)));
			}
			return;
		}
		if (attribute.equals(":manager") || attribute.equals(":manager.value")) {
			this.manager = ScimValues.email(value, path);
			this.managerSent = true;
		}
	}

	private void setName(JsonNode name) {
		if (name == null || name.isNull()) {
			return;
		}
		if (!name.isObject()) {
			throw ScimException.invalidValue("name must be an object");
		}
		for (String part : name.propertyNames()) {
			set("name." + part, name.get(part));
		}
	}

	/** Sets every attribute of a user resource (POST or PUT). */
	void setAll(JsonNode resource) {
		if (resource == null || !resource.isObject()) {
			throw ScimException.invalidSyntax("the body must be a JSON object");
		}
		for (String attribute : resource.propertyNames()) {
			if (!attribute.equalsIgnoreCase("schemas") && !attribute.equalsIgnoreCase("meta")
					&& !attribute.equalsIgnoreCase("id") && !attribute.equalsIgnoreCase("groups")) {
				set(attribute, resource.get(attribute));
			}
		}
	}

	/** The manager as an employee id, or null. */
	Long managerId() {
		return this.manager == null ? null : Long.valueOf(this.manager);
	}

	/**
	 * The password to keep: one shorter than Holdfast's minimum (identity providers make
	 * up 8-character ones) is not used, and the user signs in through single sign-on.
	 */
	String usablePassword() {
		return this.password != null && this.password.length() >= 10 ? this.password : null;
	}

	/** The display name the request means; null if it names none. */
	String requestedDisplayName() {
		if (this.displayName != null && !this.displayName.isBlank()) {
			return this.displayName.strip();
		}
		if (this.formatted != null && !this.formatted.isBlank()) {
			return this.formatted.strip();
		}
		return ScimValues.fullName(this.givenName, this.familyName);
	}

	/** Refuses values Holdfast can't keep: 400 invalidValue. */
	void validate() {
		if (this.userName == null || this.userName.isBlank()) {
			throw ScimException.invalidValue("userName is required");
		}
		if (!USER_NAME.matcher(this.userName).matches()) {
			throw ScimException.invalidValue("userName: 3 to 64 letters, digits or . _ @ + -");
		}
		String name = requestedDisplayName();
		if (name != null && name.length() > 100) {
			throw ScimException.invalidValue("displayName: at most 100 characters");
		}
		if (this.email != null && (this.email.length() > 200 || !this.email.matches("[^@\\s]+@[^@\\s]+"))) {
			throw ScimException.invalidValue("emails: not an e-mail address");
		}
		if (this.manager != null && !this.manager.matches("\\d{1,18}")) {
			throw ScimException.invalidValue("manager: the SCIM id of a user");
		}
		if (this.externalId != null && this.externalId.length() > 200) {
			throw ScimException.invalidValue("externalId: at most 200 characters");
		}
		if (this.password != null && this.password.length() > 128) {
			throw ScimException.invalidValue("password: at most 128 characters");
		}
	}

}
