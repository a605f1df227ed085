package dev.holdfast.shared.web;

import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A request that found no database connection in time: every connection of the pool was
 * busy for the pool's whole timeout, or the database did not answer. The request changed
 * nothing, and the same request may well succeed a moment later: the error handlers
 * answer 503 {@code unavailable} with {@code Retry-After}, which a load balancer and a
 * client retry, not 500 (sales day under load, issue 14, item 8: the slow requests of a
 * login storm held the pool, and the requests behind them failed as server errors).
 */
public final class Overload {

	/** Seconds after which the request may be sent again. */
	public static final String RETRY_AFTER_SECONDS = "2";

	/** What the caller is told, by the API's error handler and the token filter alike. */
	public static final String MESSAGE = "the service is busy; nothing was changed, try again in a moment";

	private Overload() {
	}

	/** Whether the failure, or one of its causes, is a connection not had in time. */
	public static boolean in(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

}
