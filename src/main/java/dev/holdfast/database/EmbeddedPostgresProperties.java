package dev.holdfast.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is
 * given.
 *
 * @param dataDir the folder Holdfast keeps its data in; the database lives in
 * {@code postgres} below it
 * @param durable keep fsync and synchronous commit on (the library turns them off by
 * default); only tests turn this off
 * @param resetOnStart wipe the database folder once per JVM before the first start (tests
 * only)
 */
@ConfigurationProperties("holdfast.embedded-postgres")
public record EmbeddedPostgresProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean durable,
		@DefaultValue("false") boolean resetOnStart) {

	Path databaseDir() {
		return this.dataDir.resolve("postgres").toAbsolutePath().normalize();
	}

}
