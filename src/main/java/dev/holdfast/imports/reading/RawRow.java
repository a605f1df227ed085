package dev.holdfast.imports.reading;

import java.util.List;

/**
 * A row as a reader found it, before blank and total rows are told apart from data.
 */
record RawRow(long number, List<String> cells) {

	boolean blank() {
		return this.cells.stream().allMatch(String::isBlank);
	}

}
