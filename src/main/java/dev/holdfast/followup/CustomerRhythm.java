package dev.holdfast.followup;

import java.time.Instant;

import dev.holdfast.customer.CustomerLevel;

/**
 * When a customer is next due a follow-up.
 *
 * @param since when it came to its current owner (or was created)
 * @param lastFollowedUpAt its last substantive follow-up, null if none
 * @param dueAt null for a level without rhythm
 */
public record CustomerRhythm(long customerId, CustomerLevel level, Instant since, Instant lastFollowedUpAt,
		Instant dueAt, boolean overdue) {
}
