package dev.holdfast.protection;

import java.time.Instant;

import dev.holdfast.shared.Labels;
import dev.holdfast.protection.export.ExportLayout;

/**
 * An export as its requester and approvers see it; never its contents.
 *
 * @param approvalReasons why it needs approval (comma-separated), or null
 * @param expiresAt until when the file may be downloaded, once READY
 * @param rowsWritten while PREPARING: how many rows of the file are written
 * @param rowsTotal while PREPARING: how many rows the file will have, once known, else
 * null
 */
public record ExportView(long id, String entity, String format, boolean unmasked, ExportStatus status, int rowCount,
		String approvalReasons, long requesterId, String requesterName, Instant createdAt, Instant expiresAt,
		int rowsWritten, Integer rowsTotal) {

	/** The message key of what was exported (customers, contacts or follow-ups). */
	public String entityLabelKey() {
		return Labels.key(ExportLayout.of(this.entity));
	}

}
