package dev.holdfast.followup;

import java.time.Instant;

import dev.holdfast.customer.CustomerLevel;

/**
 * A customer due a follow-up by its level's rhythm.
 *
 * @param overdue whether it was due before now (else it is due later today)
 */
public record RhythmReminder(long customerId, String customerName, CustomerLevel level, Long ownerId, Instant dueAt,
		boolean overdue) {
}
