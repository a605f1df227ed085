package dev.holdfast.provisioning;

/**
 * A SCIM error (RFC 7644 §3.12): the HTTP status, the {@code scimType} for a 400 or 409,
 * and a detail for people.
 */
class ScimException extends RuntimeException {

	private final int status;

	private final String scimType;

	ScimException(int status, String scimType, String detail) {
		super(detail);
		this.status = status;
		this.scimType = scimType;
	}

	static ScimException invalidValue(String detail) {
		return new ScimException(400, "invalidValue", detail);
	}

	static ScimException invalidSyntax(String detail) {
		return new ScimException(400, "invalidSyntax", detail);
	}

	static ScimException invalidFilter(String detail) {
		return new ScimException(400, "invalidFilter", detail);
	}

	static ScimException invalidPath(String detail) {
		return new ScimException(400, "invalidPath", detail);
	}

	static ScimException noTarget(String detail) {
		return new ScimException(400, "noTarget", detail);
	}

	static ScimException notFound(String id) {
		return new ScimException(404, null, "no user " + id);
	}

	int status() {
		return this.status;
	}

	String scimType() {
		return this.scimType;
	}

}
