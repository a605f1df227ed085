package dev.holdfast.backup.archive;

import java.nio.file.Path;

/**
 * What archives are encrypted with: a passphrase ({@code HOLDFAST_BACKUP_PASSPHRASE}), or
 * a Tink streaming AEAD key set file ({@code HOLDFAST_BACKUP_KEYSET}), which wins when
 * both are given. An archive says in its header which of the two it needs.
 *
 * @param passphrase the passphrase, or null
 * @param keyset the key set file, or null
 */
public record BackupSecret(String passphrase, Path keyset) {

	public static BackupSecret of(String passphrase, String keyset) {
		return new BackupSecret(passphrase, keyset == null || keyset.isBlank() ? null : Path.of(keyset));
	}

	public static BackupSecret passphrase(String passphrase) {
		return new BackupSecret(passphrase, null);
	}

}
