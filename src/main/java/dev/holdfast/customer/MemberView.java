package dev.holdfast.customer;

import java.time.Instant;

/**
 * An employee on a customer's team besides its owner.
 */
public record MemberView(long employeeId, String displayName, MemberAccess access, Instant expiresAt, Instant addedAt) {
}
