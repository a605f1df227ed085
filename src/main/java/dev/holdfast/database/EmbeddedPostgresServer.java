package dev.holdfast.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * One embedded PostgreSQL server per data directory and JVM, shared by every application
 * context that asks for it (tests create several) and stopped when the last one lets go.
 */
public final class EmbeddedPostgresServer {

	static final String USER = "postgres";

	static final String DATABASE = "holdfast";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgresServer> running = new HashMap<>();

	private static final java.util.Set<Path> resetInThisJvm = new java.util.HashSet<>();

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private int users;

	private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres) {
		this.directory = directory;
		this.postgres = postgres;
	}

	static synchronized EmbeddedPostgresServer acquire(EmbeddedPostgresProperties properties) {
		Path directory = properties.databaseDir();
		EmbeddedPostgresServer server = running.get(directory);
		if (server == null) {
			server = new EmbeddedPostgresServer(directory, start(properties, directory));
			running.put(directory, server);
		}
		server.users++;
		return server;
	}

	/** Called when an application context closes; the server stops with the last one. */
	public synchronized void release() throws IOException {
		synchronized (EmbeddedPostgresServer.class) {
			this.users--;
			if (this.users == 0) {
				running.remove(this.directory);
				log.info("Stopping embedded PostgreSQL on {}", this.directory);
				this.postgres.close();
			}
		}
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl(USER, DATABASE);
	}

	private static EmbeddedPostgres start(EmbeddedPostgresProperties properties, Path directory) {
		try {
			if (properties.resetOnStart() && resetInThisJvm.add(directory)) {
				OrphanedServer.stopIfRunning(directory);
				FileSystemUtils.deleteRecursively(directory);
			}
			Files.createDirectories(directory.getParent());
			OrphanedServer.stopIfRunning(directory);
			log.info("Starting embedded PostgreSQL on {}", directory);
			String sync = properties.durable() ? "on" : "off";
			Path binaries = properties.dataDir().resolve("pg-binaries").toAbsolutePath();
			BinariesFolder.ownerOnlyWrites(binaries);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// stopped by release() after the application context has closed: the
				// library's own hook raced Spring's shutdown, which still needs the
				// database
				.setRegisterShutdownHook(false)
				.setOverrideWorkingDirectory(binaries.toFile())
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8")
				.setServerConfig("fsync", sync)
				.setServerConfig("synchronous_commit", sync)
				.setServerConfig("full_page_writes", sync)
				.setServerConfig("max_connections", "100")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			BinariesFolder.ownerOnlyWrites(binaries);
			createDatabaseIfMissing(postgres);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL on " + directory, ex);
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				try (var create = connection.createStatement()) {
					create.execute(
							"create database " + DATABASE + " template template0 encoding 'UTF8' locale 'C.UTF-8'");
				}
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not create the database " + DATABASE, ex);
		}
	}

}
