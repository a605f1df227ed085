package dev.holdfast.imports.web;

import java.util.List;
import java.util.Map;

import dev.holdfast.imports.CellProblem;
import dev.holdfast.imports.ImportRowView;

/**
 * A row of the preview's table, its problems in column order (a missing required column,
 * -1, first).
 */
record RowLine(ImportRowView row, List<Map.Entry<Integer, CellProblem>> problems) {

	static RowLine of(ImportRowView row) {
		return new RowLine(row, row.problems().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList());
	}

}
