package dev.holdfast.risk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A risk alert about an employee: which indicator, how far above what was expected
 * ({@code score} = {@code observed} / {@code expected}), and whether someone has seen it.
 * A {@code CANARY_HIT} alert has no baseline: {@code observed} counts the hits and
 * {@code details} (JSON) says which canary was hit and how.
 */
public record AlertView(long id, long employeeId, String displayName, String indicator, String severity,
		BigDecimal score, BigDecimal observed, BigDecimal expected, String status, Instant createdAt, Instant updatedAt,
		String details) {
}
