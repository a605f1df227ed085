package dev.holdfast.provisioning;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * A SCIM PATCH (RFC 7644 §3.5.2) applied to a user's attributes, in both forms identity
 * providers send: Okta's path-less {@code {"op":"replace","value":{"active":false}}} and
 * Entra's {@code {"op":"Replace","path":"active","value":"False"}} (op names in any case,
 * booleans as strings).
 */
final class ScimPatch {

	static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private ScimPatch() {
	}

	static void apply(JsonNode body, ScimUserState state) {
		if (body == null || !body.isObject()) {
			throw ScimException.invalidSyntax("the body must be a PatchOp object");
		}
		JsonNode schemas = property(body, "schemas");
		if (schemas == null || !schemas.isArray()
				|| schemas.values().stream().noneMatch(s -> s.isString() && SCHEMA.equals(s.stringValue()))) {
			throw ScimException.invalidSyntax("schemas must hold " + SCHEMA);
		}
		JsonNode operations = property(body, "Operations");
		if (operations == null || !operations.isArray() || operations.isEmpty()) {
			throw ScimException.invalidSyntax("Operations must be a non-empty array");
		}
		for (JsonNode operation : operations) {
			applyOne(operation, state);
		}
	}

	private static void applyOne(JsonNode operation, ScimUserState state) {
		if (!operation.isObject()) {
			throw ScimException.invalidSyntax("each operation must be an object");
		}
		JsonNode opNode = property(operation, "op");
		String op = opNode != null && opNode.isString() ? opNode.stringValue().toLowerCase(Locale.ROOT) : "";
		JsonNode pathNode = property(operation, "path");
		if (pathNode != null && !pathNode.isNull() && !pathNode.isString()) {
			throw ScimException.invalidPath("path must be a string");
		}
		String path = pathNode == null || pathNode.isNull() ? null : pathNode.stringValue().strip();
		JsonNode value = property(operation, "value");
		switch (op) {
			case "add", "replace" -> {
				if (value == null) {
					throw ScimException.invalidValue(op + " needs a value");
				}
				if (path != null && !path.isEmpty()) {
					state.set(path, value);
				}
				else if (value.isObject()) {
					value.propertyNames().forEach(name -> state.set(name, value.get(name)));
				}
				else {
					throw ScimException.noTarget(op + " without a path needs an object value");
				}
			}
			case "remove" -> {
				if (path == null || path.isEmpty()) {
					throw ScimException.noTarget("remove needs a path");
				}
				state.set(path, null);
			}
			default -> throw ScimException.invalidSyntax("op must be add, replace or remove");
		}
	}

	/** A property by name, ignoring case, as SCIM attribute names are. */
	static JsonNode property(JsonNode node, String name) {
		for (String candidate : node.propertyNames()) {
			if (candidate.equalsIgnoreCase(name)) {
				return node.get(candidate);
			}
		}
		return null;
	}

}
