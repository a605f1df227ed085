package dev.holdfast.shared;

/**
 * A limit was reached (login lockout, a quota, reading too fast): 429, with
 * {@code Retry-After} when the limit knows when it lifts.
 */
public class TooManyRequestsException extends RuntimeException {

	private final long retryAfterSeconds;

	public TooManyRequestsException(String message) {
		this(message, 0);
	}

	/** A limit that lifts after the given seconds (0: unknown, no header). */
	public TooManyRequestsException(String message, long retryAfterSeconds) {
		super(message);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
