package dev.holdfast.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.holdfast.Api;
import dev.holdfast.SignedIn;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportStatus;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.Imports;
import dev.holdfast.organization.OrganizationManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import of {@code bench.imports.rows} (default 100,000) customers with one contact
 * each from a CSV file, preview and commit timed apart, next to PostgreSQL's {@code COPY}
 * of the same file into a scratch table in the same run; and the most heap used while
 * each runs (sampled every 50 ms, garbage included: an upper bound). Run it with
 * {@code bench/imports.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-imports}",
				"holdfast.embedded-postgres.reset-on-start=true",
				// the preview's daily allowance of look-ups (2,000) would leave all
				// but the first 1,000 rows unchecked: the commit of checked rows
				"holdfast.customer.duplicates.preview-checks-per-day=1000000" })
class ImportBenchmark {

	private static final int ROWS = Integer.getInteger("bench.imports.rows", 100_000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Imports imports;

	@Autowired
	OrganizationManagement organization;

	@TempDir
	Path dir;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void importAgainstCopy() throws Exception {
		TestData data = new TestData(new Api(this.port));
		long department = data.department("基准导入部", null);
		Employee manager = data.employee("mgr", department, null, "SALES_MANAGER");
		Path file = csv(this.dir.resolve("客户.csv"));
		SignedIn.as(this.organization, manager);

		HeapPeak previewHeap = HeapPeak.start();
		long start = System.nanoTime();
		ImportView preview = this.imports.preview(file, "客户.csv", null);
		long previewMs = (System.nanoTime() - start) / 1_000_000;
		long previewPeak = previewHeap.stop();
		assertThat(preview.fresh()).isEqualTo(ROWS);

		HeapPeak commitHeap = HeapPeak.start();
		Cpu commitCpu = Cpu.start(this.jdbc);
		start = System.nanoTime();
		this.imports.commit(preview.id(),
				new ImportChoices(ImportChoices.DuplicateChoice.SKIP, ImportChoices.OwnerChoice.ME, null));
		await().pollInSameThread()
			.pollInterval(Duration.ofMillis(100))
			.atMost(Duration.ofHours(1))
			.until(() -> this.imports.get(preview.id()).status() != ImportStatus.COMMITTING);
		long commitMs = (System.nanoTime() - start) / 1_000_000;
		Cpu.Used commitUsed = commitCpu.stop();
		long commitPeak = commitHeap.stop();
		assertThat(this.imports.get(preview.id()).created()).isEqualTo(ROWS);

		Cpu copyCpu = Cpu.start(this.jdbc);
		long copyMs = copy(file);
		Cpu.Used copyUsed = copyCpu.stop();
		System.out.printf("[bench] import of %,d customers with one contact each (CSV, chunk %s)%n", ROWS,
				System.getProperty("holdfast.imports.chunk-size", "1000"));
		System.out.printf("[bench] preview %,d ms (%.0f rows/s), most heap used %,d MB%n", previewMs,
				ROWS * 1000.0 / previewMs, previewPeak >> 20);
		System.out.printf("[bench] commit %,d ms (%.0f rows/s), most heap used %,d MB%n", commitMs,
				ROWS * 1000.0 / commitMs, commitPeak >> 20);
		System.out.printf("[bench] COPY of the same file into a scratch table %,d ms; commit/COPY %.1f×%n", copyMs,
				(double) commitMs / copyMs);
		// the processor time used, which the machine's load changes less than the wall
		// clock: this JVM's (all its threads) and PostgreSQL's (all its processes)
		System.out.printf(
				"[bench] CPU used by the commit: JVM %,d ms (import worker %,d ms), PostgreSQL %,d ms; by COPY: PostgreSQL %,d ms%n",
				commitUsed.jvmMs(), commitUsed.workerMs(), commitUsed.postgresMs(), copyUsed.postgresMs());
	}

	private static Path csv(Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("客户名称,联系人,手机,级别,地区\n");
			for (int i = 0; i < ROWS; i++) {
				out.write("基准" + i + "号贸易有限公司,联系人" + i + "," + String.format("137%08d", i) + ",B,广东省深圳市\n");
			}
		}
		return file;
	}

	private long copy(Path file) throws Exception {
		this.jdbc.sql("create table bench_import_copy (name text, contact text, phone text, level text, region text)")
			.update();
		try (Connection connection = this.dataSource.getConnection();
				Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			long start = System.nanoTime();
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy bench_import_copy from stdin with (format csv, header true)", in);
			return (System.nanoTime() - start) / 1_000_000;
		}
		finally {
			this.jdbc.sql("drop table bench_import_copy").update();
		}
	}

	/**
	 * Processor time used between start and stop by this JVM and by the PostgreSQL
	 * server's processes (the postmaster and its children, found from a backend's pid).
	 */
	private record Cpu(long jvmNanos, long workerNanos, long postgresNanos, ProcessHandle postmaster) {

		record Used(long jvmMs, long workerMs, long postgresMs) {
		}

		static Cpu start(JdbcClient jdbc) {
			long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
			ProcessHandle postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow();
			return new Cpu(jvm(), workers(), postgres(postmaster), postmaster);
		}

		Used stop() {
			return new Used((jvm() - this.jvmNanos) / 1_000_000, (workers() - this.workerNanos) / 1_000_000,
					(postgres(this.postmaster) - this.postgresNanos) / 1_000_000);
		}

		/** The import workers' threads (ImportWorkers: "import-n"). */
		private static long workers() {
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			return Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter(t -> t.getName().startsWith("import-"))
				.mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId())))
				.sum();
		}

		private static long jvm() {
			return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
		}

		private static long postgres(ProcessHandle postmaster) {
			return java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants())
				.mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
				.sum();
		}

	}

	/** The most heap used while something runs, sampled on a thread of its own. */
	private record HeapPeak(AtomicBoolean running, AtomicLong most, Thread sampler) {

		static HeapPeak start() {
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong most = new AtomicLong();
			Runtime runtime = Runtime.getRuntime();
			Thread sampler = new Thread(() -> {
				while (running.get()) {
					most.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			sampler.start();
			return new HeapPeak(running, most, sampler);
		}

		long stop() throws InterruptedException {
			this.running.set(false);
			this.sampler.join();
			return this.most.get();
		}

	}

}
