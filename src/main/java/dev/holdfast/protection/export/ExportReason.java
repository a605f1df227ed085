package dev.holdfast.protection.export;

import dev.holdfast.shared.LabelPrefix;

/**
 * Why an export waits for a manager's approval; stored comma-separated with the export.
 */
@LabelPrefix("exports.reason")
enum ExportReason {

	/** more rows than the approval threshold */
	ROWS_OVER_THRESHOLD,
	/** contact data in full */
	UNMASKED_FIELDS,
	/** phone numbers or e-mail addresses typed into free text, in full */
	CONTACT_DATA_IN_TEXT,
	/** the requester is serving notice */
	REQUESTER_LEAVING

}
