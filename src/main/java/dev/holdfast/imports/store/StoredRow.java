package dev.holdfast.imports.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.holdfast.imports.CellProblem;
import dev.holdfast.imports.RowVerdict;

/**
 * One row of an import as stored.
 *
 * @param id the row's key (0 before it is stored)
 * @param cells the row's cells, decrypted
 * @param existingCustomerId the customer it duplicates, only when the importer may see it
 * @param matchedPhones which of the row's phones (by index into its valid phones) another
 * customer has: a merge leaves them out
 * @param ownerId the owner the row names
 * @param outcome what the commit did, null before
 * @param customerId the customer created or merged into
 * @param firstRow for a {@code SAME_CUSTOMER} row, the number of the earlier row of the
 * file whose customer it belongs to; null otherwise
 */
public record StoredRow(long id, long number, RowVerdict.Verdict verdict, Map<Integer, CellProblem> problems,
		List<String> cells, Long existingCustomerId, Set<Integer> matchedPhones, Long ownerId, Outcome outcome,
		Long customerId, Long firstRow) {

	/** What the commit did with a row. */
	@dev.holdfast.shared.LabelPrefix("imports.outcome")
	public enum Outcome {

		CREATED, MERGED, SKIPPED

	}

	/** The same row as stored under this key. */
	public StoredRow withId(long id) {
		return new StoredRow(id, this.number, this.verdict, this.problems, this.cells, this.existingCustomerId,
				this.matchedPhones, this.ownerId, this.outcome, this.customerId, this.firstRow);
	}

	public StoredRow done(Outcome outcome, Long customerId) {
		return new StoredRow(this.id, this.number, this.verdict, this.problems, this.cells, this.existingCustomerId,
				this.matchedPhones, this.ownerId, outcome, customerId, this.firstRow);
	}

}
