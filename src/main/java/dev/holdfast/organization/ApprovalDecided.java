package dev.holdfast.organization;

/**
 * A second administrator approved or rejected a request: the requester is told.
 *
 * @param requesterLink where the requester follows the outcome (e.g. their import's
 * page), when they may not open the request itself; null: the request's page
 */
public record ApprovalDecided(long requestId, String action, Long employeeId, long requestedBy, long decidedBy,
		boolean approved, String requesterLink) {
}
