package dev.holdfast.imports;

import java.time.Instant;

/**
 * One import as its importer sees it: the file, its mapping, the preview's counts and,
 * once committing, the progress.
 *
 * @param rows data rows read
 * @param fresh rows that would create a customer
 * @param duplicates rows that duplicate an existing customer
 * @param duplicatesInFile rows that repeat an earlier row of the same file
 * @param invalid rows refused for their cells (and rows not checked for duplicates)
 * @param done rows the commit has finished (created, merged or skipped)
 * @param created customers created
 * @param merged rows merged into a visible existing customer
 * @param skipped rows skipped (duplicates, invalid rows)
 */
public record ImportView(long id, String fileName, ImportFormat format, ImportStatus status, ImportHeader header,
		ColumnMapping mapping, long rows, long fresh, long duplicates, long duplicatesInFile, long invalid, long done,
		long created, long merged, long skipped, ImportChoices choices, Instant createdAt, Instant committedAt) {

	/**
	 * Rows of the same customer as an earlier row of the file (its contacts and follow-up
	 * go to that row's customer): every row not counted otherwise.
	 */
	public long sameCustomer() {
		return this.rows - this.fresh - this.duplicates - this.duplicatesInFile - this.invalid;
	}

}
