package dev.holdfast.organization;

/**
 * An administrator asked for a second administrator's approval: every other active
 * administrator is told.
 */
public record ApprovalRequested(long requestId, String action, Long employeeId, long requestedBy) {
}
