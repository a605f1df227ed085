package dev.holdfast.backup;

import java.time.Instant;

/**
 * How backups are set up, for the administrators' page: nothing secret (whether a
 * passphrase or key set is given, never either).
 *
 * @param cron the schedule ({@code holdfast.backup.cron}), or null when it is off
 * @param nextRun when the schedule writes the next archive, or null
 * @param keep how many archives the folder keeps
 * @param dir the backup folder
 * @param encryption {@code passphrase}, {@code keyset} or {@code none} (no backup is
 * written then)
 */
public record BackupSchedule(String cron, Instant nextRun, int keep, String dir, String encryption) {
}
