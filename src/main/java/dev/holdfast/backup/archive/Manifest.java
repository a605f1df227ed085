package dev.holdfast.backup.archive;

import java.util.List;

/**
 * What an archive holds, written last into it as {@code manifest.json}: the schema
 * version, who made it and when, every table with its columns and row count, the
 * sequences, the head of the audit chain, the key sets and the attachment files (their
 * size and SHA-256; with an S3 store only listed, not included).
 *
 * @param format the archive format (1)
 * @param schemaVersion the Flyway version of the database
 * @param holdfastVersion the version of the Holdfast that wrote it
 * @param createdAt when (ISO-8601)
 * @param tables every table, in the order they were written
 * @param sequences every sequence and its value in the snapshot
 * @param auditHead the last audit event of the snapshot, or null when there is none
 * @param keySets the names of the key sets included
 * @param fileStore {@code local} (files included) or {@code s3} (listed only)
 * @param files the attachment files
 */
public record Manifest(int format, String schemaVersion, String holdfastVersion, String createdAt, List<Table> tables,
		List<Sequence> sequences, AuditHead auditHead, List<String> keySets, String fileStore, List<StoredFile> files) {

	public static final String ENTRY = "manifest.json";

	public static final String TABLES = "tables/";

	public static final String KEYS = "keys/";

	public static final String FILES = "files/";

	public long rows() {
		return this.tables.stream().mapToLong(Table::rows).sum();
	}

	/**
	 * A table: its name, the columns written (generated columns are not) and its rows;
	 * for a partition (a month of {@code audit_event}) its partitioned table and its
	 * bound ({@code FOR VALUES ...}), so that a restore creates the partitions the
	 * migrations did not (null for other tables, and in archives written before).
	 */
	public record Table(String name, List<String> columns, long rows, String partitionOf, String bound) {

		public Table(String name, List<String> columns, long rows) {
			this(name, columns, rows, null, null);
		}

	}

	/** A sequence's state, for {@code setval(name, lastValue, isCalled)}. */
	public record Sequence(String name, long lastValue, boolean isCalled) {
	}

	/** The last event of the audit chain. */
	public record AuditHead(long id, String hash) {
	}

	/** An attachment file (as stored: already encrypted by Holdfast). */
	public record StoredFile(String key, long size, String sha256, boolean included) {
	}

}
