package dev.holdfast.shared;

import java.util.Map;

/**
 * The request clashes with the current state (a stale version, a duplicate): 409 with a
 * machine-readable error code and optional extra fields.
 */
public class ConflictException extends RuntimeException {

	private final String error;

	private final Map<String, Object> details;

	public ConflictException(String error, String message) {
		this(error, message, Map.of());
	}

	public ConflictException(String error, String message, Map<String, Object> details) {
		super(message);
		this.error = error;
		this.details = details;
	}

	public String error() {
		return this.error;
	}

	public Map<String, Object> details() {
		return this.details;
	}

}
