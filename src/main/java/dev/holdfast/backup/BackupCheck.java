package dev.holdfast.backup;

import java.time.Instant;

/**
 * The last verification of an archive in the backup folder: the whole archive decrypted
 * and checked against its manifest ({@code backup --verify}).
 *
 * @param at when
 * @param intact whether it held
 * @param problem the first problem found, or null: a fixed sentence that the page
 * translates, without the technical detail (which the server log has)
 */
public record BackupCheck(Instant at, boolean intact, String problem) {
}
