package dev.holdfast.pool;

/**
 * A pool's rule for one customer level: return after {@code returnAfterDays} without a
 * substantive follow-up or {@code noProgressDays} without a status change, warning the
 * owner {@code warnDays} before.
 */
public record PoolRuleView(String level, Integer returnAfterDays, Integer noProgressDays, int warnDays,
		boolean active) {
}
