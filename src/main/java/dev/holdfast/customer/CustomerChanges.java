package dev.holdfast.customer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A partial update of a customer. Fields left out stay as they are; an empty string
 * clears an optional field. {@code version} is the version the caller read: a stale one
 * is refused (409).
 */
public record CustomerChanges(@Size(min = 1, max = 200) String name, CustomerKind kind, CustomerLevel level,
		@Size(max = 100) String industry, @Size(max = 100) String source, @Size(max = 100) String region,
		@Size(max = 500) String address, @Size(max = 5000) String notes, CustomerStatus status, Long ownerId,
		@NotNull Long version) {

	CustomerData applyTo(CustomerData current) {
		return new CustomerData(this.name != null ? this.name.strip() : current.name(),
				this.kind != null ? this.kind : current.kind(), this.level != null ? this.level : current.level(),
				pick(this.industry, current.industry()), pick(this.source, current.source()),
				pick(this.region, current.region()), pick(this.address, current.address()),
				pick(this.notes, current.notes()), this.status != null ? this.status : current.status());
	}

	/** The same changes leaving the address as it is. */
	public CustomerChanges withoutAddress() {
		return new CustomerChanges(this.name, this.kind, this.level, this.industry, this.source, this.region, null,
				this.notes, this.status, this.ownerId, this.version);
	}

	private static String pick(String change, String current) {
		return change == null ? current : CustomerForm.blankToNull(change);
	}

}
