package dev.holdfast.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new customer. The owner defaults to the caller; naming another owner needs the
 * transfer permission.
 */
public record CustomerForm(@NotBlank @Size(max = 200) String name, @NotNull CustomerKind kind, CustomerLevel level,
		@Size(max = 100) String industry, @Size(max = 100) String source, @Size(max = 100) String region,
		@Size(max = 500) String address, @Size(max = 5000) String notes, CustomerStatus status, Long ownerId) {

	CustomerData data() {
		return new CustomerData(this.name.strip(), this.kind, this.level == null ? CustomerLevel.C : this.level,
				blankToNull(this.industry), blankToNull(this.source), blankToNull(this.region),
				blankToNull(this.address), blankToNull(this.notes),
				this.status == null ? CustomerStatus.POTENTIAL : this.status);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
