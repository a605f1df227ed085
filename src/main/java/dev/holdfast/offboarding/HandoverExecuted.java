package dev.holdfast.offboarding;

/**
 * A run of a handover plan finished: each employee who received customers of the case is
 * told. The receivers and counts are read from the case's plan, so a run that finishes
 * what an earlier one left tells them again with the new total.
 */
public record HandoverExecuted(long caseId, long leaverId) {
}
