package dev.holdfast.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.pool.PoolJob;
import dev.holdfast.pool.PoolRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly pool job over a large book (default 1,000,000 customers of 200 reps in 10
 * departments, two of them with pools of their own), next to the same work written by
 * hand as plain SQL statements (due customers into a temporary table, then the UPDATE and
 * the INSERTs), in the same run on the same data: each round runs both in a transaction
 * that is rolled back, so every round starts from the same rows. The job also writes one
 * audit event per returned customer, which the raw SQL does not. Run it with
 * {@code bench/pool.sh}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-pool}",
		"holdfast.embedded-postgres.reset-on-start=true", "holdfast.pool.cron=-" })
class PoolBenchmark {

	private static final int CUSTOMERS = Integer.getInteger("bench.pool.customers", 1_000_000);

	private static final int ROUNDS = Integer.getInteger("bench.pool.rounds", 1);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PoolJob job;

	@Test
	void nightlyJobAgainstRawSql() {
		long start = System.nanoTime();
		PoolBook.generate(this.jdbc, CUSTOMERS);
		System.out.printf("[bench] pool job over %,d customers (generated in %,.0f s)%n", CUSTOMERS,
				(System.nanoTime() - start) / 1e9);
		this.jdbc.sql("analyze").update();
		Instant now = Instant.now();
		for (int round = 1; round <= ROUNDS; round++) {
			// a day of its own per round: the job runs once per day, even in a
			// transaction
			// that is rolled back afterwards
			Instant at = now.plusSeconds(86_400L * round);
			long[] raw = timed(() -> PoolBook.rawSql(this.jdbc, at));
			long[] viaJob = timed(() -> {
				PoolRun run = this.job.runAt(at);
				assertThat(this.job.runAt(at.plusSeconds(60)).ran()).as("the same day again").isFalse();
				return new long[] { run.returned(), run.warned() };
			});
			System.out.printf(
					"[bench] round %d: job %,.0f ms (%,d returned, %,d warned, one audit event each returned),"
							+ " raw SQL %,.0f ms (%,d returned, %,d warned), ratio %.2f×%n",
					round, viaJob[2] / 1e6, viaJob[0], viaJob[1], raw[2] / 1e6, raw[0], raw[1],
					(double) viaJob[2] / raw[2]);
			assertThat(viaJob[0]).isEqualTo(raw[0]);
		}
		List<Map<String, Object>> plan = this.jdbc.sql("explain " + PoolBook.DUE_PLAN).query().listOfRows();
		plan.forEach(row -> System.out.println("[bench] plan: " + row.values().iterator().next()));
	}

	/**
	 * Runs the work in a transaction that is rolled back; {returned, warned,
	 * nanoseconds}.
	 */
	private long[] timed(java.util.function.Supplier<long[]> work) {
		return this.transactions.execute(status -> {
			long began = System.nanoTime();
			long[] counts = work.get();
			long took = System.nanoTime() - began;
			status.setRollbackOnly();
			return new long[] { counts[0], counts[1], took };
		});
	}

}
