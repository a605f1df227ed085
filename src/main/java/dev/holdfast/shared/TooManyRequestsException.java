package dev.holdfast.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * A limit was reached (login lockout, a quota, a budget): 429, with {@code Retry-After}
 * when the limit knows when it renews.
 */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(String message) {
		this(message, null);
	}

	/** A limit that lifts after the given seconds (0: unknown, no header). */
	public TooManyRequestsException(String message, long retryAfterSeconds) {
		this(message, retryAfterSeconds > 0 ? Duration.ofSeconds(retryAfterSeconds) : null);
	}

	public TooManyRequestsException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** How long until the limit renews, if it knows. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/** {@link #retryAfter()} in whole seconds, at least one, for the header. */
	public Optional<String> retryAfterSeconds() {
		return retryAfter().map(d -> Long.toString(Math.max(1, (d.toMillis() + 999) / 1000)));
	}

}
