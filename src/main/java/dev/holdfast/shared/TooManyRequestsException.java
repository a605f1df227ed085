package dev.holdfast.shared;

/**
 * A limit was reached (login lockout, a quota): 429.
 */
public class TooManyRequestsException extends RuntimeException {

	public TooManyRequestsException(String message) {
		super(message);
	}

}
