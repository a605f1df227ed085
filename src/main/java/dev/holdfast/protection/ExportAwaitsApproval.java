package dev.holdfast.protection;

/**
 * An export waits for approval: whoever may approve it is told.
 *
 * @param rows the rows of the file, a fact for the approver
 */
public record ExportAwaitsApproval(long exportId, long requesterId, int rows) {
}
