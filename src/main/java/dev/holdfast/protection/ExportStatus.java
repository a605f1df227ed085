package dev.holdfast.protection;

import dev.holdfast.shared.LabelPrefix;

/**
 * Where an export stands: a file is released only when READY.
 */
@LabelPrefix("exports.status")
public enum ExportStatus {

	PENDING_APPROVAL, READY, REJECTED

}
