package dev.holdfast.customer;

import java.time.Instant;

/**
 * A customer as its page and {@code GET /api/v1/customers/{id}} show it.
 *
 * @param address the address as the caller may see it: masked, left out or in full by
 * {@code addressPolicy}
 * @param editable whether the caller may change it
 * @param addressPolicy the caller's policy for the address: a MASKED one can be revealed
 */
public record CustomerDetails(long id, String name, CustomerKind kind, CustomerLevel level, String industry,
		String source, String region, String address, String notes, CustomerStatus status, Long ownerId,
		String ownerName, long version, Instant createdAt, Instant updatedAt, Instant archivedAt, boolean editable,
		FieldPolicy addressPolicy) {

	/** The same customer with its address as the caller may see it. */
	public CustomerDetails withAddress(String shown, FieldPolicy policy) {
		return new CustomerDetails(this.id, this.name, this.kind, this.level, this.industry, this.source, this.region,
				shown, this.notes, this.status, this.ownerId, this.ownerName, this.version, this.createdAt,
				this.updatedAt, this.archivedAt, this.editable, policy);
	}

}
