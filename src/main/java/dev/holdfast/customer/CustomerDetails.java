package dev.holdfast.customer;

import java.time.Instant;

/**
 * A customer as its page and {@code GET /api/v1/customers/{id}} show it.
 *
 * @param editable whether the caller may change it
 */
public record CustomerDetails(long id, String name, CustomerKind kind, CustomerLevel level, String industry,
		String source, String region, String address, String notes, CustomerStatus status, Long ownerId,
		String ownerName, long version, Instant createdAt, Instant updatedAt, Instant archivedAt, boolean editable) {
}
