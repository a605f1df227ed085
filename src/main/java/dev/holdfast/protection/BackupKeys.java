package dev.holdfast.protection;

import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.protection.encryption.KeySetInstall;

/**
 * The key sets for backup and restore: without them an archive's contact data is lost.
 */
public interface BackupKeys {

	/** The data and index key sets in use, as Tink JSON. */
	List<KeySetCopy> copies();

	/**
	 * Decrypts every value of every encrypted column in the given database (a restored
	 * copy) with the key sets in use.
	 */
	DecryptionCheck checkDecryptable(JdbcClient database);

	/**
	 * Whether the key sets can be put back where this configuration reads them: no file
	 * there yet, or the same key set; a key set given through the environment must be the
	 * same. Writes nothing.
	 * @throws IllegalStateException saying what is in the way
	 */
	static void checkInstallable(Environment environment, List<KeySetCopy> copies) {
		KeySetInstall.check(environment, copies);
	}

	/** Writes the key set files (owner-only) where this configuration reads them. */
	static void install(Environment environment, List<KeySetCopy> copies) {
		KeySetInstall.install(environment, copies);
	}

}
