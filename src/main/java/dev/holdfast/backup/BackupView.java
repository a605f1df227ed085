package dev.holdfast.backup;

import java.time.Instant;
import java.util.Map;

import dev.holdfast.backup.archive.Manifest;

/**
 * An archive in the backup folder, with the facts recorded beside it when it was written
 * or last verified (null when none are: an archive copied in by hand, before its first
 * verification). No customer data: counts, versions and the audit chain's head.
 *
 * @param name its file name
 * @param size its size in bytes
 * @param createdAt when it was written (the file's time)
 * @param schemaVersion the Flyway version of the database it holds
 * @param holdfastVersion the Holdfast that wrote it
 * @param tables the number of tables it holds
 * @param rows the rows of all tables
 * @param files the attachment files it holds or lists
 * @param tableRows the rows of each table
 * @param auditHead the last audit event of its snapshot
 * @param lastCheck its last verification, or null when it was never verified here
 */
public record BackupView(String name, long size, Instant createdAt, String schemaVersion, String holdfastVersion,
		Integer tables, Long rows, Integer files, Map<String, Long> tableRows, Manifest.AuditHead auditHead,
		BackupCheck lastCheck) {

	static BackupView of(String name, long size, Instant createdAt, ArchiveFacts facts) {
		if (facts == null) {
			return new BackupView(name, size, createdAt, null, null, null, null, null, null, null, null);
		}
		return new BackupView(name, size, createdAt, facts.schemaVersion(), facts.holdfastVersion(),
				facts.tableRows() == null ? null : facts.tableRows().size(), facts.rows(), facts.files(),
				facts.tableRows(), facts.auditHead(), facts.lastCheck());
	}

}
