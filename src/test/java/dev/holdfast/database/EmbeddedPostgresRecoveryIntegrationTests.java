package dev.holdfast.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The promise: a killed ({@code kill -9}) embedded run restarts cleanly on the
 * same data directory with nothing lost. A child JVM commits rows until it is killed; its
 * PostgreSQL server is left running as an orphan; a new start on the same directory must
 * shut the orphan down, start, and find every row the child saw committed.
 */
class EmbeddedPostgresRecoveryIntegrationTests {

	private static final Pattern COMMITTED = Pattern.compile("COMMITTED (\\d+) END");

	private static final int COMMITS_BEFORE_KILL = 300;

	private final Set<Long> committed = ConcurrentHashMap.newKeySet();

	private final Deque<String> lastLines = new ArrayDeque<>();

	@Test
	void aKilledRunRestartsOnTheSameDataDirectoryWithNothingLost() throws Exception {
		Path dataDir = Path.of("target", "embedded-postgres-recovery").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dataDir);
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDir, true, false);
		Process child = startChild(dataDir);
		try {
			await("commits of the child").atMost(Duration.ofMinutes(3))
				.until(() -> this.committed.size() >= COMMITS_BEFORE_KILL || !child.isAlive());
			assertThat(child.isAlive()).as("the child is still committing; its last output: %s", lastOutput()).isTrue();
			long orphan = postmasterPid(properties.databaseDir());

			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
				.as("kill -9 of the JVM leaves its PostgreSQL running")
				.hasValue(true);
			Set<Long> reported = new HashSet<>(this.committed);

			EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(properties);
			try {
				assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was shut down")
					.isEmpty();
				assertThat(committedRows(server)).containsAll(reported);
			}
			finally {
				server.release();
			}
		}
		finally {
			if (child.isAlive()) {
				child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			OrphanedServer.stopIfRunning(properties.databaseDir());
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * Harder than the issue asks: the server itself dies mid-commit (every PostgreSQL
	 * process killed), so only what reached the write-ahead log survives. With the
	 * library's default {@code synchronous_commit=off} rows reported as committed are
	 * lost here.
	 */
	@Test
	void aKilledServerLosesNoRowItReportedCommitted() throws Exception {
		Path dataDir = Path.of("target", "embedded-postgres-crash").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dataDir);
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDir, true, false);
		Process child = startChild(dataDir);
		try {
			await("commits of the child").atMost(Duration.ofMinutes(3))
				.until(() -> this.committed.size() >= COMMITS_BEFORE_KILL || !child.isAlive());
			assertThat(child.isAlive()).as("the child is still committing; its last output: %s", lastOutput()).isTrue();
			ProcessHandle postmaster = ProcessHandle.of(postmasterPid(properties.databaseDir())).orElseThrow();

			List<ProcessHandle> server = new ArrayList<>(postmaster.descendants().toList());
			server.add(0, postmaster);
			server.forEach(ProcessHandle::destroyForcibly);
			child.destroyForcibly();
			for (ProcessHandle process : server) {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			Set<Long> reported = new HashSet<>(this.committed);

			EmbeddedPostgresServer restarted = EmbeddedPostgresServer.acquire(properties);
			try {
				assertThat(committedRows(restarted)).containsAll(reported);
			}
			finally {
				restarted.release();
			}
		}
		finally {
			if (child.isAlive()) {
				child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			OrphanedServer.stopIfRunning(properties.databaseDir());
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	@Test
	void aDataDirectoryInUseByAnotherLiveRunIsLeftAlone() throws Exception {
		Path dataDir = Path.of("target", "embedded-postgres-in-use").toAbsolutePath();
		FileSystemUtils.deleteRecursively(dataDir);
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(dataDir, true, false);
		Process child = startChild(dataDir);
		try {
			await("commits of the child").atMost(Duration.ofMinutes(3))
				.until(() -> this.committed.size() >= 50 || !child.isAlive());
			assertThat(child.isAlive()).as("the child is committing; its last output: %s", lastOutput()).isTrue();

			assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(properties))
				.hasMessageContaining(properties.databaseDir().toString())
				.rootCause()
				.hasMessageContaining("in use by another running Holdfast");

			int before = this.committed.size();
			await("the first run keeps committing").atMost(Duration.ofSeconds(30))
				.until(() -> this.committed.size() > before + 50 || !child.isAlive());
			assertThat(child.isAlive()).as("the first run was not disturbed; its last output: %s", lastOutput())
				.isTrue();
		}
		finally {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			OrphanedServer.stopIfRunning(properties.databaseDir());
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private Process startChild(Path dataDir) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>();
		command.add(java);
		// the test JVM's -XX: flags (pom.xml): the child starts faster
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((argument) -> argument.startsWith("-XX:"))
			.forEach(command::add);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(),
				dataDir.toString()));
		Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(() -> read(child), "embedded-postgres-child-output");
		reader.setDaemon(true);
		reader.start();
		return child;
	}

	private void read(Process child) {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				Matcher matcher = COMMITTED.matcher(line);
				if (matcher.matches()) {
					this.committed.add(Long.parseLong(matcher.group(1)));
				}
				else {
					synchronized (this.lastLines) {
						this.lastLines.addLast(line);
						if (this.lastLines.size() > 40) {
							this.lastLines.removeFirst();
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// the child was killed while we were reading: what was read is all we count
		}
	}

	private String lastOutput() {
		synchronized (this.lastLines) {
			return String.join("\n", this.lastLines);
		}
	}

	private static long postmasterPid(Path databaseDir) throws IOException {
		List<String> lines = Files.readAllLines(databaseDir.resolve("postmaster.pid"));
		return Long.parseLong(lines.get(0).trim());
	}

	private static Set<Long> committedRows(EmbeddedPostgresServer server) throws Exception {
		Set<Long> rows = new HashSet<>();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select id from committed_row")) {
			while (result.next()) {
				rows.add(result.getLong(1));
			}
		}
		return rows;
	}

}
