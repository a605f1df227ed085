package dev.holdfast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import tools.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.audit.AuditSealer;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.audit.SwitchableAuditTrail;
import dev.holdfast.audit.SwitchableAuditTrail.Mode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, item 3: what the hash chain costs audited requests now that the sealer builds
 * it. 64 clients (one rep each) list their customers ({@code GET /api/v1/customers}, each
 * request one {@code CUSTOMERS_LISTED} event) as fast as they can, without a pause, while
 * the test switches, in short periods and rotating order, where the audit insert goes:
 * the application's trail (unsealed insert, the scheduled sealer chaining every 2 s; the
 * period ends with sealing what is left), or a plain table without chain columns; with
 * {@code -Dbench.audit.modes=CHAINED,PLAIN,LOCKED} also the chain built in the request
 * under the advisory lock, as before issue 14. It prints requests per second and CPU per
 * request (this JVM and PostgreSQL) of each, in the same run, and the sealer's lag
 * sampled during the chained periods. Run it with {@code bench/audit.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-audit}",
				"holdfast.embedded-postgres.reset-on-start=true",
				"holdfast.embedded-postgres.durable=${bench.durable:false}",
				"spring.datasource.hikari.maximum-pool-size=20", "server.tomcat.threads.max=200" })
class AuditChainBenchmark {

	private static final int CLIENTS = Integer.getInteger("bench.audit.clients", 64);

	private static final int CUSTOMERS = Integer.getInteger("bench.audit.customers", 5);

	private static final int ROUNDS = Integer.getInteger("bench.audit.rounds", 12);

	private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("bench.audit.seconds", 6));

	private static final List<Mode> MODES = Stream
		.of(System.getProperty("bench.audit.modes", "CHAINED,PLAIN").split(","))
		.map(Mode::valueOf)
		.toList();

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 10));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SwitchableAuditTrail trail;

	@Autowired
	AuditSealer sealer;

	@TestConfiguration(proxyBeanMethods = false)
	static class Trail {

		@Bean
		@Primary
		SwitchableAuditTrail switchableAuditTrail(JdbcClient jdbc, ObjectMapper json) {
			return new SwitchableAuditTrail(jdbc, json);
		}

	}

	@Test
	void auditedListsWithTheSealerAgainstAPlainTable() throws Exception {
		SwitchableAuditTrail.createTables(this.jdbc);
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		List<String> tokens = reps(data);
		List<Mode> modes = MODES;
		System.out.printf(
				"[bench] audited customer lists: %d clients (one rep each, %d customers), %d rounds of %ds"
						+ " per mode (%s), after %ds warm-up each; seal interval 2s%n",
				CLIENTS, CUSTOMERS, ROUNDS, PHASE.toSeconds(), modes, WARM_UP.toSeconds());
		Clients clients = new Clients(this.port, tokens);
		CpuMeter cpu = new CpuMeter(this.jdbc);
		Map<Mode, Phase> totals = new EnumMap<>(Mode.class);
		long worstLag = 0;
		try {
			for (Mode mode : modes) {
				phase(clients, cpu, mode, WARM_UP);
			}
			List<Mode> order = new ArrayList<>(modes);
			for (int round = 1; round <= ROUNDS; round++) {
				StringBuilder line = new StringBuilder("[bench] round " + round + ":");
				for (Mode mode : order) {
					Phase phase = phase(clients, cpu, mode, PHASE);
					totals.merge(mode, phase, Phase::plus);
					worstLag = Math.max(worstLag, phase.worstLagMillis());
					line.append(String.format(" %s %.0f/s %.2f ms CPU/request;", mode.name().toLowerCase(),
							phase.perSecond(), phase.cpuPerRequest()));
				}
				System.out.println(line);
				// the next round starts with another mode: drift of the machine falls on
				// each
				order.add(order.remove(0));
			}
		}
		finally {
			clients.stop();
			this.trail.use(Mode.CHAINED);
		}
		assertThat(clients.failed()).as("requests not answered 200").isZero();
		Api.Response verify = api.get(data.adminToken(), "/api/v1/audit-events/verify");
		assertThat(verify.body().get("ok").asBoolean()).as(verify.raw()).isTrue();
		Phase plain = totals.get(Mode.PLAIN);
		for (Mode mode : modes) {
			Phase total = totals.get(mode);
			System.out.printf(
					"[bench] %-8s %8.1f requests/s  %6.2f ms CPU/request (JVM + PostgreSQL)  "
							+ "throughput %.3f x plain, CPU/request %.3f x plain%n",
					mode.name().toLowerCase(), total.perSecond(), total.cpuPerRequest(),
					total.perSecond() / plain.perSecond(), total.cpuPerRequest() / plain.cpuPerRequest());
		}
		System.out.printf(
				"[bench] oldest unsealed event seen during the chained rounds: %d ms; chain verified: %d" + " events%n",
				worstLag, verify.body().get("checked").asLong());
	}

	/** Reps with their customers; a token each. */
	private static List<String> reps(TestData data) throws InterruptedException {
		long team = data.department("审计基准销售部", null);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			Employee rep = data.employee("auditbench", team, null, "SALES");
			tokens.add(data.token(rep));
		}
		ExecutorService setUp = Executors.newFixedThreadPool(8);
		for (String token : tokens) {
			setUp.submit(() -> {
				for (int c = 0; c < CUSTOMERS; c++) {
					data.customerAs(token);
				}
			});
		}
		setUp.shutdown();
		assertThat(setUp.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
		return tokens;
	}

	/**
	 * One period of one mode while the clients keep going. A chained period ends with
	 * sealing what it wrote, inside its time, so that the sealer's work counts against it
	 * and not against the period after it.
	 */
	private Phase phase(Clients clients, CpuMeter cpu, Mode mode, Duration length) throws InterruptedException {
		this.trail.use(mode);
		long beginRequests = clients.done();
		double beginCpu = cpu.seconds();
		long begin = System.nanoTime();
		long end = begin + length.toNanos();
		long worstLag = 0;
		while (System.nanoTime() < end) {
			Thread.sleep(250);
			if (mode == Mode.CHAINED) {
				worstLag = Math.max(worstLag, this.sealer.oldestUnsealedAge().toMillis());
			}
		}
		if (mode == Mode.CHAINED) {
			this.sealer.sealPending();
		}
		long requests = clients.done() - beginRequests;
		return new Phase(requests, (System.nanoTime() - begin) / 1e9, cpu.seconds() - beginCpu, worstLag);
	}

	/** The clients, each listing its rep's customers in a loop until stopped. */
	private static final class Clients {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong done = new AtomicLong();

		private final AtomicLong failed = new AtomicLong();

		private final ExecutorService threads;

		Clients(int port, List<String> tokens) {
			this.threads = Executors.newFixedThreadPool(tokens.size());
			for (String token : tokens) {
				this.threads.submit(() -> {
					Api client = new Api(port);
					while (this.running.get()) {
						int status = client.get(token, "/api/v1/customers?size=20").status();
						(status == 200 ? this.done : this.failed).incrementAndGet();
					}
				});
			}
		}

		long done() {
			return this.done.get();
		}

		long failed() {
			return this.failed.get();
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.threads.shutdown();
			assertThat(this.threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}

	}

	/**
	 * CPU seconds used by this JVM (application and clients) and the PostgreSQL server
	 * (postmaster, its children, and children that ended), from /proc: on a machine that
	 * others share, CPU per request is steadier than requests per second.
	 */
	private static final class CpuMeter {

		private static final double TICKS = 100.0;

		private final long postmaster;

		CpuMeter(JdbcClient jdbc) {
			long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
			this.postmaster = Long.parseLong(stat(backend)[3]);
		}

		double seconds() {
			double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1e9;
			String[] server = stat(this.postmaster);
			long ticks = Long.parseLong(server[13]) + Long.parseLong(server[14]) + Long.parseLong(server[15])
					+ Long.parseLong(server[16]);
			try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
					String[] child = stat(Long.parseLong(process.getFileName().toString()));
					if (child != null && Long.parseLong(child[3]) == this.postmaster) {
						ticks += Long.parseLong(child[13]) + Long.parseLong(child[14]);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return jvm + ticks / TICKS;
		}

		/**
		 * The fields of /proc/pid/stat after the command's name (so index 3 is the
		 * parent); null if gone.
		 */
		private static String[] stat(long pid) {
			try {
				String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
				String[] fields = new String[rest.length + 2];
				System.arraycopy(rest, 0, fields, 2, rest.length);
				return fields;
			}
			catch (IOException ex) {
				return null;
			}
		}

	}

	private record Phase(long requests, double seconds, double cpuSeconds, long worstLagMillis) {

		double perSecond() {
			return this.requests / this.seconds;
		}

		double cpuPerRequest() {
			return 1000 * this.cpuSeconds / this.requests;
		}

		Phase plus(Phase other) {
			return new Phase(this.requests + other.requests, this.seconds + other.seconds,
					this.cpuSeconds + other.cpuSeconds, Math.max(this.worstLagMillis, other.worstLagMillis));
		}

	}

}
