package dev.holdfast.backup;

import java.time.Instant;

/**
 * An archive in the backup folder.
 *
 * @param name its file name
 * @param size its size in bytes
 * @param createdAt when it was written
 * @param tables the tables it holds (known right after writing it, else null)
 * @param rows the rows it holds (likewise)
 * @param files the attachment files it holds or lists (likewise)
 */
public record BackupView(String name, long size, Instant createdAt, Integer tables, Long rows, Integer files) {
}
