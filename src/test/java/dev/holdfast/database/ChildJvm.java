package dev.holdfast.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A JVM started by a crash test on the test classpath, to be killed ({@code kill -9})
 * like a crashed process: its output is read line by line (each line to the test, the
 * last ones kept for a failure's message), and the embedded PostgreSQL a killed child
 * leaves running on its data directory is shut down after the test.
 */
public final class ChildJvm {

	private static final int KEPT_LINES = 60;

	/** The JUnit tag of the tests that start the packaged jar (run by failsafe). */
	public static final String PACKAGED = "packaged-jar";

	private final Process process;

	private final Deque<String> lastLines = new ArrayDeque<>();

	private ChildJvm(Process process) {
		this.process = process;
	}

	/**
	 * Starts {@code mainClass} with the test JVM's {@code -XX:} flags (pom.xml: the child
	 * starts faster), the given JVM options and arguments; every line it prints goes to
	 * {@code lines}.
	 */
	public static ChildJvm start(List<String> options, String mainClass, List<String> arguments, Consumer<String> lines)
			throws IOException {
		return start(options, List.of("-cp", System.getProperty("java.class.path"), mainClass), arguments, lines);
	}

	/**
	 * Starts the packaged application, {@code java -jar target/holdfast.jar}, as an
	 * operator does (none of the tests' classes or resources: every setting comes as a
	 * JVM option); the build runs the tests that do after {@code package} (failsafe, tag
	 * {@value #PACKAGED}).
	 */
	public static ChildJvm startPackaged(List<String> options, List<String> arguments, Consumer<String> lines)
			throws IOException {
		Path jar = Path.of("target", "holdfast.jar").toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the tests tagged " + PACKAGED
					+ " run after ./mvnw package (failsafe, in verify)");
		}
		return start(options, List.of("-jar", jar.toString()), arguments, lines);
	}

	private static ChildJvm start(List<String> options, List<String> launch, List<String> arguments,
			Consumer<String> lines) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((argument) -> argument.startsWith("-XX:"))
			.forEach(command::add);
		command.addAll(options);
		command.addAll(launch);
		command.addAll(arguments);
		ChildJvm child = new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
		Thread reader = new Thread(() -> child.read(lines), "child-jvm-output");
		reader.setDaemon(true);
		reader.start();
		return child;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** {@code kill -9}, and waits until the JVM is gone. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the child JVM " + this.process.pid() + " outlived kill -9");
		}
	}

	/**
	 * Stops the JVM as an operator would ({@code kill}: its shutdown hooks run), killing
	 * it when it takes longer than a minute.
	 */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
		}
	}

	/** The last lines the child printed, for a failure's message. */
	public String lastOutput() {
		synchronized (this.lastLines) {
			return String.join("\n", this.lastLines);
		}
	}

	private void read(Consumer<String> lines) {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				lines.accept(line);
				synchronized (this.lastLines) {
					this.lastLines.addLast(line);
					if (this.lastLines.size() > KEPT_LINES) {
						this.lastLines.removeFirst();
					}
				}
			}
		}
		catch (IOException ex) {
			// the child was killed while we were reading: what was read is all there is
		}
	}

	/** The pid of the embedded PostgreSQL running on a Holdfast data directory. */
	public static long postmasterPid(Path dataDir) throws IOException {
		return Long.parseLong(postmasterLines(dataDir).get(0).trim());
	}

	/**
	 * The JDBC URL of the embedded PostgreSQL running on a Holdfast data directory (its
	 * port from {@code postmaster.pid}), for a test's own look at the rows.
	 */
	public static String jdbcUrl(Path dataDir) throws IOException {
		String port = postmasterLines(dataDir).get(3).trim();
		return "jdbc:postgresql://localhost:" + port + "/" + EmbeddedPostgresServer.DATABASE + "?user="
				+ EmbeddedPostgresServer.USER;
	}

	/**
	 * Shuts down the embedded PostgreSQL a killed child left running on a Holdfast data
	 * directory, if any.
	 */
	public static void stopOrphanedServer(Path dataDir) throws IOException {
		OrphanedServer.stopIfRunning(databaseDir(dataDir));
	}

	private static List<String> postmasterLines(Path dataDir) throws IOException {
		return Files.readAllLines(databaseDir(dataDir).resolve("postmaster.pid"));
	}

	private static Path databaseDir(Path dataDir) {
		return new EmbeddedPostgresProperties(dataDir, true, false).databaseDir();
	}

}
