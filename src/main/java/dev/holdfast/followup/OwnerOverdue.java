package dev.holdfast.followup;

import java.util.Map;

import dev.holdfast.customer.CustomerLevel;

/**
 * One owner's overdue customers ({@link OverdueCustomers}), counted per level.
 *
 * @param byLevel the levels with any, and how many
 * @param total all of them
 */
public record OwnerOverdue(long ownerId, String ownerName, Map<CustomerLevel, Long> byLevel, long total) {
}
