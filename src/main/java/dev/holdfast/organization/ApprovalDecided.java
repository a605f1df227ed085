package dev.holdfast.organization;

/**
 * A second administrator approved or rejected a request: the requester is told.
 */
public record ApprovalDecided(long requestId, String action, Long employeeId, long requestedBy, long decidedBy,
		boolean approved) {
}
