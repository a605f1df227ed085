package dev.holdfast.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The field-by-field errors of a batch of rows (customers or follow-ups brought in), each
 * named by its row, e.g. {@code customers[3].customer.name}: the rows are checked by the
 * same Bean Validation as the API's forms, and the batch is refused as a whole (400).
 * Only the first {@value #SHOWN} errors are kept, so a file of bad rows gives an answer
 * of readable size.
 */
public final class RowErrors {

	static final int SHOWN = 100;

	private final Validator validator;

	private final Map<String, String> fields = new LinkedHashMap<>();

	public RowErrors(Validator validator) {
		this.validator = validator;
	}

	/** The form's Bean Validation errors, each under {@code prefix.<property>}. */
	public void validate(String prefix, Object form) {
		for (ConstraintViolation<Object> violation : this.validator.validate(form)) {
			add(prefix + "." + violation.getPropertyPath(), violation.getMessage());
		}
	}

	/** An error of one field of a row; the first one per field counts. */
	public void add(String field, String message) {
		if (this.fields.size() < SHOWN) {
			this.fields.putIfAbsent(field, message);
		}
	}

	/** Refuses the batch (400) when any row had an error. */
	public void throwIfAny() {
		if (!this.fields.isEmpty()) {
			throw new InvalidInputException(this.fields);
		}
	}

}
