package dev.holdfast.customer;

/**
 * An employee revealed a field of their own personal canary: nobody has a reason to, so
 * it is a signal. Carries ids and the field's name only.
 */
public record PersonalCanaryRevealed(long employeeId, long customerId, String field) {
}
