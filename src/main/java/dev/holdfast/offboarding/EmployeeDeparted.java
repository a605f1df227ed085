package dev.holdfast.offboarding;

/**
 * An employment ended: at the end of the last working day, at once for cause, or because
 * the identity provider turned the account off. Published inside the transaction that
 * makes the employee DEPARTED; security revokes every session and token in that same
 * transaction (a plain {@code @EventListener}, not an asynchronous one), so that nobody
 * is ever DEPARTED with a live session, and a failed revocation undoes the departure.
 *
 * @param caseId the offboarding case, or null for a departure without a successor
 * @param terminated whether it was a termination (for cause or by deprovisioning) rather
 * than the end of the last working day
 */
public record EmployeeDeparted(Long caseId, long employeeId, boolean terminated) {
}
