package dev.holdfast.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.holdfast.backup.archive.Manifest;

/**
 * What the backup folder's listing shows of an archive without its passphrase: the facts
 * of its manifest and the last verification, kept beside it as {@code <archive>.json}
 * when it is written and each time it is verified (reading them from the archive would
 * mean deriving its key, 600,000 PBKDF2 rounds, for each archive of each listing). Only
 * what is no customer data: versions, times, table names with their row counts, the
 * number of files, the key sets' names and the audit chain's head (an event id and a
 * hash). A sidecar says what was recorded; only a verification proves the archive.
 *
 * @param schemaVersion the Flyway version of the archived database
 * @param holdfastVersion the Holdfast that wrote it
 * @param createdAt when its snapshot was taken (ISO-8601)
 * @param tableRows the rows of each table
 * @param rows all rows
 * @param files the attachment files it holds or lists
 * @param fileStore {@code local} or {@code s3}
 * @param keySets the names of the key sets it holds
 * @param auditHead the last audit event of the snapshot, or null
 * @param lastCheck the last verification, or null
 */
record ArchiveFacts(String schemaVersion, String holdfastVersion, String createdAt, Map<String, Long> tableRows,
		Long rows, Integer files, String fileStore, List<String> keySets, Manifest.AuditHead auditHead,
		BackupCheck lastCheck) {

	private static final Logger log = LoggerFactory.getLogger(ArchiveFacts.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ArchiveFacts of(Manifest manifest) {
		Map<String, Long> tableRows = new LinkedHashMap<>();
		manifest.tables().forEach(table -> tableRows.put(table.name(), table.rows()));
		return new ArchiveFacts(manifest.schemaVersion(), manifest.holdfastVersion(), manifest.createdAt(), tableRows,
				manifest.rows(), manifest.files().size(), manifest.fileStore(), manifest.keySets(),
				manifest.auditHead(), null);
	}

	/** Nothing known but the last verification (an archive that did not verify). */
	static ArchiveFacts unknown() {
		return new ArchiveFacts(null, null, null, null, null, null, null, null, null, null);
	}

	ArchiveFacts checked(BackupCheck check) {
		return new ArchiveFacts(this.schemaVersion, this.holdfastVersion, this.createdAt, this.tableRows, this.rows,
				this.files, this.fileStore, this.keySets, this.auditHead, check);
	}

	/** The sidecar of an archive. */
	static Path sidecar(Path archive) {
		return archive.resolveSibling(archive.getFileName() + ".json");
	}

	/** The archive's facts, if it has a readable sidecar. */
	static Optional<ArchiveFacts> read(Path archive) {
		Path sidecar = sidecar(archive);
		if (!Files.isRegularFile(sidecar)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(sidecar.toFile(), ArchiveFacts.class));
		}
		catch (JacksonException ex) {
			log.warn("backup: the facts beside {} are unreadable ({}); verify the archive to write them again",
					archive.getFileName(), ex.getOriginalMessage());
			return Optional.empty();
		}
	}

	/** Writes the sidecar, replacing any earlier one whole. */
	void write(Path archive) throws IOException {
		Path sidecar = sidecar(archive);
		Path temporary = Files.createTempFile(sidecar.getParent(), ".facts-", ".tmp");
		try {
			JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
			Files.move(temporary, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
