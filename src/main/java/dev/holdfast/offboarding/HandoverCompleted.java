package dev.holdfast.offboarding;

/**
 * A run of a handover plan finished (HR's handover, or the last day's handover of the
 * rest): each employee who received customers of the case is told. The receivers and
 * counts are read from the case's plan when the notice is written, so a run that finishes
 * what an earlier one left tells them again with the new total. Published in the run's
 * last transaction; listened to after its commit.
 */
public record HandoverCompleted(long caseId, long leaverId) {
}
