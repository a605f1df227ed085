package dev.holdfast.customer.transfer;

import java.time.Instant;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Transfers a customer to a new owner while both are employed. The old owner stays on the
 * team with {@code oldOwnerAccess} (default NONE: they leave it), until
 * {@code accessExpiresAt} if given.
 */
public record TransferForm(@NotNull Long newOwnerId, OldOwnerAccess oldOwnerAccess, @Future Instant accessExpiresAt,
		@Size(max = 500) String reason) {

	public TransferForm {
		oldOwnerAccess = oldOwnerAccess == null ? OldOwnerAccess.NONE : oldOwnerAccess;
		reason = reason == null || reason.isBlank() ? null : reason.strip();
	}

}
