package dev.holdfast.protection;

/**
 * An export was approved or rejected: its requester is told.
 */
public record ExportDecided(long exportId, long requesterId, long decidedBy, boolean approved) {
}
