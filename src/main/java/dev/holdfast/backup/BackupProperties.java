package dev.holdfast.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.holdfast.backup.archive.BackupSecret;

/**
 * Backups of the whole of Holdfast.
 *
 * @param passphrase the passphrase archives are encrypted with
 * ({@code HOLDFAST_BACKUP_PASSPHRASE}); without one no backup is written
 * @param dir where the administrators' and the scheduled backups go
 * @param cron when the scheduled backup runs (a Spring cron expression, in the company's
 * zone; {@code -} turns it off)
 * @param keep how many archives of {@code dir} are kept; older ones are removed
 * @param kdfIterations PBKDF2 iterations that derive the archive key from the passphrase
 * (recorded in each archive)
 * @param keyset a Tink streaming AEAD key set file ({@code HOLDFAST_BACKUP_KEYSET}) to
 * encrypt with instead of the passphrase
 */
@ConfigurationProperties("holdfast.backup")
public record BackupProperties(String passphrase, @DefaultValue("./data/backups") Path dir,
		@DefaultValue("0 0 3 * * *") String cron, @DefaultValue("14") int keep,
		@DefaultValue("600000") int kdfIterations, Path keyset) {

	public BackupSecret secret() {
		return new BackupSecret(this.passphrase, this.keyset);
	}

}
