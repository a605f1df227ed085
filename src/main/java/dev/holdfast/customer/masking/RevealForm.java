package dev.holdfast.customer.masking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Which sensitive field of a contact to reveal, and why (kept in the audit trail as its
 * length only: a reason may itself name the customer).
 */
public record RevealForm(@NotNull SensitiveField field, @Size(max = 500) String reason) {

	public enum SensitiveField {

		phone, email, wechat, address

	}

}
