package dev.holdfast.imports.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How imports are committed.
 *
 * @param chunkSize rows per transaction (a crash loses at most one chunk's work; each row
 * of it takes an advisory lock per phone until the chunk commits)
 * @param workers imports committed at the same time
 * @param queue imports waiting for a worker; past it a commit is refused until one ends
 * @param keepPreviews how long a preview nobody committed keeps its rows (the file's
 * people, encrypted) before it is deleted
 * @param keepImports how long a committed or stopped import keeps its rows (its error
 * report) before it is deleted; the customers and the audit trail stay
 */
@ConfigurationProperties("holdfast.imports")
record CommitProperties(@DefaultValue("1000") int chunkSize, @DefaultValue("2") int workers,
		@DefaultValue("8") int queue, @DefaultValue("7d") Duration keepPreviews,
		@DefaultValue("30d") Duration keepImports) {

}
