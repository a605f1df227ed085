package dev.holdfast.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditArchiveDamagedException;
import dev.holdfast.audit.AuditArchiveStore;
import dev.holdfast.backup.archive.ArchiveCheck;
import dev.holdfast.backup.archive.ArchiveKey;
import dev.holdfast.backup.archive.ArchiveReader;
import dev.holdfast.backup.archive.ArchiveWriter;
import dev.holdfast.backup.archive.BackupRefusedException;

/**
 * The archived months of the audit trail ({@code audit.AuditArchive}) in the backup
 * store: the folder {@code audit/} of {@code holdfast.backup.dir}, each month one file in
 * the backups' own format (a zip inside Tink's streaming AEAD, the key from the backup
 * passphrase or key set), so that every byte is authenticated when read. The pruning of
 * backups never touches them.
 */
@Component
class AuditArchiveFiles implements AuditArchiveStore {

	private final BackupProperties properties;

	AuditArchiveFiles(BackupProperties properties) {
		this.properties = properties;
	}

	@Override
	public String write(String name, Content content) throws IOException {
		Path target = file(name);
		Files.createDirectories(target.getParent());
		ArchiveKey key = ArchiveKey.create(this.properties.secret(), this.properties.kdfIterations());
		Path temporary = Files.createTempFile(target.getParent(), ".audit-", ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary);
					ArchiveWriter archive = new ArchiveWriter(out, key)) {
				content.write(archive::entry);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		return sha256(name).orElseThrow();
	}

	@Override
	public void read(String name, Entries entries) throws IOException {
		try (ArchiveReader reader = ArchiveReader.open(file(name), this.properties.secret())) {
			reader.forEach(entries::read);
		}
		catch (BackupRefusedException ex) {
			throw new AuditArchiveDamagedException(ex.getMessage(), ex);
		}
	}

	@Override
	public Optional<String> sha256(String name) throws IOException {
		Path file = file(name);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		MessageDigest sha = ArchiveCheck.sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return Optional.of(HexFormat.of().formatHex(sha.digest()));
	}

	Path file(String name) {
		if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
			throw new IllegalArgumentException("not an archive name: " + name);
		}
		return this.properties.dir().resolve("audit").resolve(name);
	}

}
