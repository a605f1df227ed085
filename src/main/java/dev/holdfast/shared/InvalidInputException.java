package dev.holdfast.shared;

import java.util.Map;

/**
 * Input that fails a rule the annotations can't express: 400 with a message per field.
 */
public class InvalidInputException extends RuntimeException {

	private final Map<String, String> fields;

	public InvalidInputException(String field, String message) {
		this(Map.of(field, message));
	}

	public InvalidInputException(Map<String, String> fields) {
		super("invalid input: " + fields);
		this.fields = Map.copyOf(fields);
	}

	public Map<String, String> fields() {
		return this.fields;
	}

}
