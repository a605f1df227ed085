package dev.holdfast.imports;

import java.util.Map;

/**
 * What a preview says of one row before anything is written: new, or invalid with the
 * problem of each cell that makes it so (by column, 0-based; a required field without a
 * column is reported at column -1); duplicates are found by the preview.
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

		NEW,

		/**
		 * The same company name as an earlier row of the file, with another contact: its
		 * contacts and follow-up go to the customer the earlier row creates or merges
		 * into, and it goes the earlier row's way when that one is refused or skipped.
		 */
		SAME_CUSTOMER,

		/** The same company name or phone as a customer of the company. */
		DUPLICATE,

		/**
		 * A contact an earlier row of the file has already: the same phone, or the same
		 * company and contact name without a phone.
		 */
		DUPLICATE_IN_FILE,

		INVALID,

		/**
		 * Not looked up: the importer's daily budget of duplicate checks is used up, so
		 * the row is refused rather than created unchecked.
		 */
		UNCHECKED;

		/** Whether the commit refuses the row whatever the choices. */
		public boolean refused() {
			return this == DUPLICATE_IN_FILE || this == INVALID || this == UNCHECKED;
		}

	}

}
