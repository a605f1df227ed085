package dev.holdfast.imports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of an import's preview or outcome.
 *
 * @param number the row's number in the file
 * @param verdict what the preview found
 * @param problems the problem of each cell that makes it invalid (column, 0-based; -1 for
 * a required field without a column)
 * @param customerName the customer's name as the file writes it
 * @param existingCustomerId the customer it duplicates, only when the importer may see it
 * @param createdCustomerId the customer the commit created or merged into, once done, and
 * only while the importer may see it
 * @param firstRow for a row of the same customer as an earlier row, that row's number
 * @param outcome what the commit did with the row; null before
 * @param reasons the reason of each problem in the reader's language, by column as
 * {@code problems}: the header, the cell's value and what is wrong with it
 */
public record ImportRowView(long number, RowVerdict.Verdict verdict, Map<Integer, CellProblem> problems,
		String customerName, Long existingCustomerId, Long createdCustomerId, Long firstRow, RowOutcome outcome,
		Map<Integer, String> reasons) {

	public ImportRowView {
		problems = Map.copyOf(problems);
		reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
	}

	/** A row before its commit, without reasons in words. */
	public ImportRowView(long number, RowVerdict.Verdict verdict, Map<Integer, CellProblem> problems,
			String customerName, Long existingCustomerId, Long createdCustomerId, Long firstRow) {
		this(number, verdict, problems, customerName, existingCustomerId, createdCustomerId, firstRow, null, Map.of());
	}

}
