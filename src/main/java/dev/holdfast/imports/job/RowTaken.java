package dev.holdfast.imports.job;

import dev.holdfast.imports.store.StoredRow;

/**
 * A row of a chunk the customer module refused because its company name was taken since
 * the preview (someone created the customer in between): the chunk rolls back, the row is
 * skipped on its own, and the chunk runs again without it.
 */
class RowTaken extends RuntimeException {

	private final transient StoredRow row;

	RowTaken(StoredRow row, Throwable cause) {
		super("row " + row.number() + " became a duplicate after the preview", cause);
		this.row = row;
	}

	StoredRow row() {
		return this.row;
	}

}
