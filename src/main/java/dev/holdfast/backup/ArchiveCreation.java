package dev.holdfast.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditChains;
import dev.holdfast.audit.AuditSealer;
import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.ArchiveKey;
import dev.holdfast.backup.archive.ArchiveWriter;
import dev.holdfast.backup.archive.Manifest;
import dev.holdfast.backup.database.TableDump;
import dev.holdfast.followup.AttachmentFiles;
import dev.holdfast.protection.BackupKeys;
import dev.holdfast.protection.KeySetCopy;
import dev.holdfast.shared.HoldfastClock;

/**
 * Writes one archive: every table in one read-only, repeatable-read transaction (one
 * snapshot, taken by its first query, while people go on working), the key sets, the
 * attachment files, then the manifest. The file appears under its name only when
 * complete.
 */
@Component
class ArchiveCreation {

	private static final Logger log = LoggerFactory.getLogger(ArchiveCreation.class);

	private final DataSource dataSource;

	private final BackupKeys keys;

	private final AttachmentFiles files;

	private final BackupProperties properties;

	private final HoldfastClock clock;

	private final AuditSealer sealer;

	ArchiveCreation(DataSource dataSource, BackupKeys keys, AttachmentFiles files, BackupProperties properties,
			HoldfastClock clock, AuditSealer sealer) {
		this.dataSource = dataSource;
		this.keys = keys;
		this.files = files;
		this.properties = properties;
		this.clock = clock;
		this.sealer = sealer;
	}

	Manifest write(Path file) throws IOException, SQLException {
		ArchiveKey key = ArchiveKey.create(this.properties.secret(), this.properties.kdfIterations());
		Path target = file.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), ".backup-", ".tmp");
		try {
			Manifest manifest;
			try (OutputStream out = Files.newOutputStream(temporary);
					ArchiveWriter archive = new ArchiveWriter(out, key)) {
				manifest = writeContent(archive);
				archive.manifest(manifest);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return manifest;
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private Manifest writeContent(ArchiveWriter archive) throws IOException, SQLException {
		Snapshot snapshot = dump(archive);
		List<String> keySets = new ArrayList<>();
		for (KeySetCopy copy : this.keys.copies()) {
			archive.entry(Manifest.KEYS + copy.name(), copy.json());
			keySets.add(copy.name());
		}
		// listed after the snapshot: every attachment in it should have its file here
		// (files are never deleted), and one added since is harmless. A file that is not
		// there (the store was switched, someone removed it) is left out with a warning:
		// the archive holds what exists, and the backup of everything else goes on (the
		// first full run after the merge answered 500 for one missing file)
		List<Manifest.StoredFile> stored = new ArrayList<>();
		boolean included = !this.files.inObjectStore();
		for (String fileKey : this.files.storedKeys()) {
			byte[] bytes;
			try {
				bytes = this.files.read(fileKey);
			}
			catch (IllegalStateException missing) {
				log.warn("backup: the attachment file {} is not in the store; left out", fileKey);
				continue;
			}
			stored.add(file(archive, fileKey, bytes, included));
		}
		return new Manifest(1, snapshot.schemaVersion(), version(), this.clock.now().toString(), snapshot.tables(),
				snapshot.sequences(), snapshot.auditHead(), keySets, included ? "local" : "s3", stored);
	}

	private Snapshot dump(ArchiveWriter archive) throws IOException, SQLException {
		// the manifest names the chain's head: chain what has committed so far, so that
		// the head is that of now and not of the sealer's last run
		this.sealer.sealPending();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
				TableDump dump = new TableDump(connection, jdbc);
				String schemaVersion = dump.schemaVersion();
				Manifest.AuditHead head = AuditChains.head(jdbc)
					.map(h -> new Manifest.AuditHead(h.id(), h.hash()))
					.orElse(null);
				List<Manifest.Table> tables = dump.writeTables(archive);
				return new Snapshot(schemaVersion, head, tables, dump.sequences());
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(true);
			}
		}
	}

	private Manifest.StoredFile file(ArchiveWriter archive, String fileKey, byte[] bytes, boolean include)
			throws IOException {
		MessageDigest sha = ArchiveCheck.sha256();
		if (include) {
			try (OutputStream out = new DigestOutputStream(archive.entry(Manifest.FILES + fileKey), sha)) {
				out.write(bytes);
			}
		}
		else {
			sha.update(bytes);
		}
		return new Manifest.StoredFile(fileKey, bytes.length, HexFormat.of().formatHex(sha.digest()), include);
	}

	private static String version() {
		String version = ArchiveCreation.class.getPackage().getImplementationVersion();
		return version == null ? "development" : version;
	}

	private record Snapshot(String schemaVersion, Manifest.AuditHead auditHead, List<Manifest.Table> tables,
			List<Manifest.Sequence> sequences) {
	}

}
