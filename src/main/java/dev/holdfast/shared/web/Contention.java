package dev.holdfast.shared.web;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A request that lost a race for locks with other work: PostgreSQL chose its transaction
 * as a deadlock's victim, or could not serialise it. Its transaction rolled back whole,
 * so nothing changed, and the same request can simply be sent again: the error handlers
 * answer 409 {@code busy} with {@code Retry-After}, not 500 (attack, stop 22: a pool
 * claim while an import committed into the same pool deadlocked on the audit chain's
 * lock).
 */
public final class Contention {

	/** Seconds after which the request may be sent again. */
	public static final String RETRY_AFTER_SECONDS = "1";

	/** deadlock_detected, serialization_failure, lock_not_available. */
	private static final Set<String> STATES = Set.of("40P01", "40001", "55P03");

	private Contention() {
	}

	/** Whether the failure, or one of its causes, is such a lost race. */
	public static boolean in(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof PessimisticLockingFailureException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
