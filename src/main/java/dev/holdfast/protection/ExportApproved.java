package dev.holdfast.protection;

/**
 * An export waiting for approval was approved: its requester is told after the commit.
 */
public record ExportApproved(long exportId, long requesterId, long approvedBy) {
}
