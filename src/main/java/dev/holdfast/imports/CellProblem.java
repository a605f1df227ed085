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

	/** Not looked up: the importer's reveal quota of the day is used up. */
	REVEAL_QUOTA_USED_UP

}
