package dev.holdfast.imports.job;

import java.util.List;

import dev.holdfast.imports.store.StoredRow;

/**
 * A row of a chunk the customer module refused because something changed since the
 * preview (someone created the customer or gave a contact its phone in between, its named
 * owner went on notice): the chunk rolls back, the row is skipped on its own, and the
 * chunk runs again without it.
 */
class RowTaken extends RuntimeException {

	private final transient List<StoredRow> rows;

	RowTaken(StoredRow row, Throwable cause) {
		this(List.of(row), cause);
	}

	RowTaken(List<StoredRow> rows, Throwable cause) {
		super(rows.size() + " row(s) refused after the preview, from row " + rows.get(0).number(), cause);
		this.rows = List.copyOf(rows);
	}

	List<StoredRow> rows() {
		return this.rows;
	}

}
