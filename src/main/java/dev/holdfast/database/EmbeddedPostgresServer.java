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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

	/**
	 * Servers started by {@link #startEarly} that no application context has acquired
	 * yet.
	 */
	private static final Map<Path, CompletableFuture<EmbeddedPostgres>> early = new HashMap<>();

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
			CompletableFuture<EmbeddedPostgres> started = early.remove(directory);
			EmbeddedPostgres postgres = (started != null) ? join(started) : start(properties, directory);
			server = new EmbeddedPostgresServer(directory, postgres);
			running.put(directory, server);
		}
		server.users++;
		return server;
	}

	/**
	 * Starts the server of these settings on a thread of its own, so that it starts while
	 * the application context is being made (issue 14, item 9: {@link EarlyStart}); the
	 * context's {@link #acquire} takes it over, or waits for it. A server that no context
	 * takes over (the start failed before) is stopped when the JVM exits.
	 */
	static synchronized void startEarly(EmbeddedPostgresProperties properties) {
		Path directory = properties.databaseDir();
		if (running.containsKey(directory) || early.containsKey(directory)) {
			return;
		}
		CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
		early.put(directory, started);
		Thread thread = new Thread(() -> {
			try {
				started.complete(start(properties, directory));
			}
			catch (Throwable ex) {
				started.completeExceptionally(ex);
			}
		}, "embedded-postgres-start");
		thread.setDaemon(true);
		thread.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stopUnclaimed(directory), "embedded-postgres-unclaimed"));
	}

	private static void stopUnclaimed(Path directory) {
		CompletableFuture<EmbeddedPostgres> started;
		synchronized (EmbeddedPostgresServer.class) {
			started = early.remove(directory);
		}
		if (started != null) {
			try {
				log.info("Stopping embedded PostgreSQL on {}, which no application context used", directory);
				join(started).close();
			}
			catch (RuntimeException | IOException ex) {
				log.warn("Could not stop the embedded PostgreSQL on {}", directory, ex);
			}
		}
	}

	private static EmbeddedPostgres join(CompletableFuture<EmbeddedPostgres> started) {
		try {
			return started.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
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
