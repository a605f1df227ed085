package dev.holdfast.pool;

import java.time.Instant;

/** One of the caller's customers that returns to the pool at {@code dueAt}. */
public record PoolWarningView(long customerId, String customerName, String level, Instant dueAt) {
}
