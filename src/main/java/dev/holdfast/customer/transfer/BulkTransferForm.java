package dev.holdfast.customer.transfer;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Transfers up to 500 customers to one new owner, all or none; the other fields are those
 * of {@link TransferForm}.
 */
public record BulkTransferForm(@NotNull @Size(min = 1, max = 500) List<@NotNull Long> customerIds,
		@NotNull Long newOwnerId, OldOwnerAccess oldOwnerAccess, @Future Instant accessExpiresAt,
		@Size(max = 500) String reason) {

	TransferForm transfer() {
		return new TransferForm(this.newOwnerId, this.oldOwnerAccess, this.accessExpiresAt, this.reason);
	}

}
