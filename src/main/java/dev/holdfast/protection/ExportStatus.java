package dev.holdfast.protection;

/**
 * Where an export stands: a file is released only when READY.
 */
public enum ExportStatus {

	PENDING_APPROVAL, READY, REJECTED

}
