package dev.holdfast.imports;

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
 * @param createdCustomerId the customer the commit created or merged into, once done
 * @param firstRow for a row of the same customer as an earlier row, that row's number
 */
public record ImportRowView(long number, RowVerdict.Verdict verdict, Map<Integer, CellProblem> problems,
		String customerName, Long existingCustomerId, Long createdCustomerId, Long firstRow) {

	public ImportRowView {
		problems = Map.copyOf(problems);
	}

}
