package dev.holdfast.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by a JVM that was killed
 * ({@code kill -9}). The embedded library cannot start while it holds the directory, so
 * it is shut down first; PostgreSQL then recovers from its write-ahead log and no
 * committed row is lost.
 */
final class OrphanedServer {

	private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

	private static final Duration GRACE = Duration.ofSeconds(30);

	/** The lock file of io.zonky's EmbeddedPostgres in the data directory. */
	private static final String LOCK_FILE = "epg-lock";

	private OrphanedServer() {
	}

	static void stopIfRunning(Path dataDirectory) throws IOException {
		Optional<Long> pid = pidOf(dataDirectory);
		if (pid.isEmpty() || !isPostgresOn(pid.get(), dataDirectory)) {
			return;
		}
		if (ownerIsAlive(dataDirectory)) {
			throw new IOException("The database in " + dataDirectory + " is in use by another running Holdfast "
					+ "(PostgreSQL pid " + pid.get() + "); stop that one first");
		}
		log.warn("Found PostgreSQL (pid {}) left running on {}; shutting it down", pid.get(), dataDirectory);
		signal(pid.get(), "INT");
		if (!awaitGone(pid.get(), GRACE)) {
			signal(pid.get(), "KILL");
			awaitGone(pid.get(), Duration.ofSeconds(10));
		}
	}

	private static Optional<Long> pidOf(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		try {
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the JVM that started the server still lives: the embedded library holds a
	 * lock on this file for as long as it runs, and the OS drops it when the JVM dies.
	 */
	private static boolean ownerIsAlive(Path dataDirectory) throws IOException {
		Path lockFile = dataDirectory.resolve(LOCK_FILE);
		if (!Files.isRegularFile(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

	private static boolean isPostgresOn(long pid, Path dataDirectory) throws IOException {
		Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
		if (!Files.exists(cmdline)) {
			return false;
		}
		String command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
		return command.contains("postgres") && command.contains(dataDirectory.toString());
	}

	private static void signal(long pid, String signal) throws IOException {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping PostgreSQL " + pid, ex);
		}
	}

	/**
	 * Waits until /proc no longer lists the process: PostgreSQL counts a zombie as alive.
	 */
	private static boolean awaitGone(long pid, Duration timeout) throws IOException {
		Instant deadline = Instant.now().plus(timeout);
		Path proc = Path.of("/proc", Long.toString(pid));
		while (Files.exists(proc)) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while waiting for PostgreSQL " + pid, ex);
			}
		}
		return true;
	}

}
