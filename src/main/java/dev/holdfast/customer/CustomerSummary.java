package dev.holdfast.customer;

import java.time.Instant;

/**
 * A row of the customer list.
 */
public record CustomerSummary(long id, String name, CustomerKind kind, CustomerLevel level, CustomerStatus status,
		String industry, String region, Long ownerId, String ownerName, Instant updatedAt) {

	CustomerSummary withOwnerName(String ownerName) {
		return new CustomerSummary(this.id, this.name, this.kind, this.level, this.status, this.industry, this.region,
				this.ownerId, ownerName, this.updatedAt);
	}

}
