package dev.holdfast.imports;

import java.util.Map;

/**
 * What a preview says of one row before anything is written: new, or invalid with the
 * problem of each cell that makes it so (by column, 0-based; a required field without a
 * column is reported at column -1). Duplicates are the next round's.
 *
 * @param customerKey the customer's name as the duplicate check compares it
 * @param phone the contact's mobile in E.164 form, or null
 * @param ownerId the owner the row names, or null
 */
public record RowVerdict(long number, Verdict verdict, Map<Integer, CellProblem> problems, String customerKey,
		String phone, Long ownerId) {

	public RowVerdict {
		problems = Map.copyOf(problems);
	}

	/** The kinds of verdict. */
	@dev.holdfast.shared.LabelPrefix("imports.verdict")
	public enum Verdict {

		NEW, INVALID

	}

}
