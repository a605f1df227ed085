package dev.holdfast.protection;

/**
 * An export's file was prepared for its requester: ready at once, or waiting for
 * approval, when whoever may approve it is told (after the commit, see
 * {@code export.ExportNotices}).
 *
 * @param rows the rows of the file, a fact for the approver
 * @param awaitsApproval whether someone must approve it before it can be downloaded
 */
public record ExportRequested(long exportId, long requesterId, int rows, boolean awaitsApproval) {
}
