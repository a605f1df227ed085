package dev.holdfast.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.ArchiveReader;
import dev.holdfast.backup.archive.BackupRefusedException;
import dev.holdfast.backup.archive.BackupSecret;
import dev.holdfast.backup.archive.Manifest;
import dev.holdfast.followup.AttachmentFiles;
import dev.holdfast.protection.BackupKeys;
import dev.holdfast.protection.DecryptionCheck;
import dev.holdfast.shared.JobLocks;

/**
 * The end of a restore, in the application started on the restored database (which has
 * migrated it forward): the attachment files put back (or, with an S3 store, found there
 * unchanged), every encrypted value decrypted with the restored key sets, the jobs' locks
 * of the backed-up instances given back, and the restore audited.
 */
@Component
class RestoreCompletion {

	private final AttachmentFiles files;

	private final BackupKeys keys;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	RestoreCompletion(AttachmentFiles files, BackupKeys keys, JdbcClient jdbc, AuditTrail audit) {
		this.files = files;
		this.keys = keys;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	DecryptionCheck complete(Path archive, BackupSecret secret, Manifest manifest) throws IOException {
		int restored = putFilesBack(archive, secret);
		for (Manifest.StoredFile file : manifest.files()) {
			if (!file.included()) {
				String sha = HexFormat.of().formatHex(ArchiveCheck.sha256().digest(this.files.read(file.key())));
				if (!sha.equals(file.sha256())) {
					throw new BackupRefusedException(
							"the object store's " + file.key() + " differs from the archive's");
				}
			}
		}
		DecryptionCheck decryption = this.keys.checkDecryptable(this.jdbc);
		JobLocks.releaseAll(this.jdbc);
		this.audit.record(AuditAction.BACKUP_RESTORED, "backup", null,
				Map.of("archive", archive.getFileName().toString(), "tables", manifest.tables().size(), "rows",
						manifest.rows(), "files", restored));
		return decryption;
	}

	/** The schema's Flyway version now, after the start migrated it forward. */
	String schemaVersion() {
		return this.jdbc.sql("""
				select version from flyway_schema_history where success and version is not null
				order by installed_rank desc limit 1""").query(String.class).single();
	}

	private int putFilesBack(Path archive, BackupSecret secret) throws IOException {
		int[] restored = { 0 };
		try (ArchiveReader reader = ArchiveReader.open(archive, secret)) {
			reader.forEach((name, content) -> {
				if (name.startsWith(Manifest.FILES)) {
					this.files.restore(name.substring(Manifest.FILES.length()), content.readAllBytes());
					restored[0]++;
				}
			});
		}
		return restored[0];
	}

}
