package dev.holdfast.imports;

import dev.holdfast.shared.LabelPrefix;

/**
 * Why a cell makes its row invalid, or (only {@link #REVEAL_QUOTA_USED_UP}) why its row
 * was left unchecked, or (only {@link #MERGE_NEEDS_FULL_VIEW}) why a duplicate is not
 * merged; each has a label {@code imports.problem.<NAME>}.
 */
@LabelPrefix("imports.problem")
public enum CellProblem {

	REQUIRED, TOO_LONG, INVALID, INVALID_PHONE, INVALID_EMAIL, UNKNOWN_LEVEL, UNKNOWN_KIND, UNKNOWN_OWNER,
	AMBIGUOUS_OWNER, OWNER_NOT_ASSIGNABLE, INVALID_DATE, FUTURE_DATE,

	/**
	 * A phone number in a field kept as plain text (notes, industry, …): it belongs in a
	 * phone column, where it is encrypted, masked and checked for duplicates.
	 */
	PHONE_IN_TEXT,

	/**
	 * Not looked up: the importer's reveal quota of the day is used up. On a duplicate
	 * found by its name: its phones were not all checked, so it is not merged.
	 */
	REVEAL_QUOTA_USED_UP,

	/**
	 * A duplicate of a customer whose contacts the importer sees masked: not merged, only
	 * skipped (a merge leaves out the contacts whose phone the customer has, which would
	 * tell a masked number), and its phones not looked up. At the customer name's column.
	 */
	MERGE_NEEDS_FULL_VIEW

}
