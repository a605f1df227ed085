package dev.holdfast.protection;

import dev.holdfast.shared.LabelPrefix;

/**
 * Where an export stands: QUEUED and PREPARING while its file is written in the
 * background, then READY, PENDING_APPROVAL (and READY or REJECTED once decided), or
 * FAILED. A file is released only when READY.
 */
@LabelPrefix("exports.status")
public enum ExportStatus {

	PENDING_APPROVAL, READY, REJECTED, QUEUED, PREPARING, FAILED;

	/** Whether the file is still being prepared. */
	public boolean inProgress() {
		return this == QUEUED || this == PREPARING;
	}

}
