package dev.holdfast.imports;

import java.util.List;

/**
 * One data row of a file: its cells as text, in the header's columns (missing cells are
 * empty strings), and its row number in the file (line of a CSV file, row of the sheet,
 * card of a vCard file, all counted from 1).
 */
public record ImportRow(long number, List<String> cells) {

	public ImportRow {
		cells = List.copyOf(cells);
	}

	/** The cell of a column, empty when the row is shorter. */
	public String cell(int column) {
		return column < this.cells.size() ? this.cells.get(column) : "";
	}

}
