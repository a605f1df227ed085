package dev.holdfast.imports;

import dev.holdfast.shared.LabelPrefix;

/**
 * Why a cell makes its row invalid, or (only {@link #REVEAL_QUOTA_USED_UP}) why its row
 * was left unchecked; each has a label {@code imports.problem.<NAME>}.
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

	/** Not looked up: the importer's reveal quota of the day is used up. */
	REVEAL_QUOTA_USED_UP

}
