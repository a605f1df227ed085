package dev.holdfast.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where archived months of the audit trail are kept: the backup store, whose archives are
 * encrypted and authenticated with the backup secret. Implemented by the backup module
 * (which depends on audit, so audit owns the interface, as
 * {@code agreement.LastWorkingDays} is owned by its asker).
 */
public interface AuditArchiveStore {

	/**
	 * Writes a new archive of that name from the given entries; the file appears under
	 * its name only when complete.
	 * @return the SHA-256 (hex) of the file written
	 */
	String write(String name, Content content) throws IOException;

	/**
	 * Reads the archive's entries in order, decrypting and authenticating as it goes.
	 * @throws AuditArchiveDamagedException when any byte fails authentication, the
	 * archive is cut short or cannot be decrypted with the backup secret
	 */
	void read(String name, Entries entries) throws IOException;

	/** The SHA-256 (hex) of the stored file; empty when there is no such archive. */
	Optional<String> sha256(String name) throws IOException;

	/** Writes the entries of an archive. */
	@FunctionalInterface
	interface Content {

		void write(Entry entry) throws IOException;

	}

	/** Opens the next entry of an archive being written; closing the stream ends it. */
	@FunctionalInterface
	interface Entry {

		OutputStream open(String name) throws IOException;

	}

	/** Reads one entry of an archive. */
	@FunctionalInterface
	interface Entries {

		void read(String name, InputStream content) throws IOException;

	}

}
