package dev.holdfast.organization;

/**
 * A departed employee was brought back. Published inside the transaction that does it, so
 * that listeners end everything the employee could log in with before (their second
 * factor, links to single sign-on) in the same transaction.
 */
public record EmployeeReactivated(long employeeId) {
}
