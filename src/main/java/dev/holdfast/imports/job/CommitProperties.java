package dev.holdfast.imports.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How imports are committed.
 *
 * @param chunkSize rows per transaction
 * @param workers imports committed at the same time
 * @param queue imports waiting for a worker; past it a commit is refused until one ends
 */
@ConfigurationProperties("holdfast.imports")
record CommitProperties(@DefaultValue("500") int chunkSize, @DefaultValue("2") int workers,
		@DefaultValue("8") int queue) {

}
