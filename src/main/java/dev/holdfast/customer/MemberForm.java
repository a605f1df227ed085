package dev.holdfast.customer;

import java.time.Instant;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;

/**
 * Adds an employee to a customer's team, or changes their access; without
 * {@code expiresAt} it does not expire.
 */
public record MemberForm(@NotNull MemberAccess access, @Future Instant expiresAt) {
}
