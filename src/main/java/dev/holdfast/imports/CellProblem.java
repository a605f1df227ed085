package dev.holdfast.imports;

import dev.holdfast.shared.LabelPrefix;

/**
 * Why a cell makes its row invalid; each has a label {@code imports.problem.<NAME>}.
 */
@LabelPrefix("imports.problem")
public enum CellProblem {

	REQUIRED, TOO_LONG, INVALID, INVALID_PHONE, INVALID_EMAIL, UNKNOWN_LEVEL, UNKNOWN_KIND, UNKNOWN_OWNER,
	AMBIGUOUS_OWNER, OWNER_NOT_ASSIGNABLE, INVALID_DATE, FUTURE_DATE

}
