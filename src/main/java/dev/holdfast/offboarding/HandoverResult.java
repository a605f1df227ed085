package dev.holdfast.offboarding;

/**
 * What one run of a handover did: customers moved now, customers someone had moved
 * already, and how many remain (non-zero only if the run was cut short).
 */
public record HandoverResult(long caseId, int reassigned, int alreadyMoved, long remaining, CaseStatus status) {
}
