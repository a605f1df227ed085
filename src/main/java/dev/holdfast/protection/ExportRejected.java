package dev.holdfast.protection;

/**
 * An export waiting for approval was rejected (its file is gone): its requester is told
 * after the commit.
 */
public record ExportRejected(long exportId, long requesterId, long rejectedBy) {
}
