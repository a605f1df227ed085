package dev.holdfast.watch;

import java.time.Instant;

/**
 * One signal of the post-departure watch.
 *
 * @param customerId the former customer, null for a canary hit (the canary is no real
 * customer)
 * @param customerName the customer's name as the caller may see it, else {@code #<id>};
 * null without a customer
 * @param occurredAt when it happened (the complaint opened, the customer archived, the
 * rhythm twice over)
 * @param currentOwnerId the customer's owner now, null in a pool or without a customer
 * @param detail a short fact without customer data (a severity, a score, a domain, a
 * channel), or null
 */
public record PostDepartureSignal(Long customerId, String customerName, SignalKind kind, Instant occurredAt,
		Long currentOwnerId, String detail) {
}
