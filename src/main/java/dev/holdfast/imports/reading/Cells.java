package dev.holdfast.imports.reading;

import java.util.ArrayList;
import java.util.List;

import dev.holdfast.imports.ImportLimits;
import dev.holdfast.imports.ImportRefusedException;

/**
 * The limits every reader applies to a row as soon as it has it: columns and characters
 * per cell. Empty cells at the end of a row (trailing separators) do not count.
 */
final class Cells {

	private Cells() {
	}

	static List<String> checked(long number, List<String> cells, ImportLimits limits) {
		int end = cells.size();
		while (end > 0 && (cells.get(end - 1) == null || cells.get(end - 1).isBlank())) {
			end--;
		}
		if (end > limits.maxColumns()) {
			throw new ImportRefusedException("row " + number + " has more than " + limits.maxColumns() + " columns");
		}
		List<String> checked = new ArrayList<>(end);
		for (int i = 0; i < end; i++) {
			String cell = cells.get(i) == null ? "" : cells.get(i);
			checked.add(checkedCell(number, cell, limits));
		}
		return checked;
	}

	static String checkedCell(long number, String cell, ImportLimits limits) {
		if (cell.length() > limits.maxCellLength()) {
			throw new ImportRefusedException(
					"row " + number + " has a cell longer than " + limits.maxCellLength() + " characters");
		}
		return cell;
	}

}
