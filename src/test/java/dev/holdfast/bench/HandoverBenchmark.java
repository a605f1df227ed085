package dev.holdfast.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handing over a whole portfolio (default 20,000 customers, each with follow-ups and a
 * team membership) through the REST API, next to a raw SQL update of the same rows to the
 * same new owners, in the same run on the same data. Also prints the most heap a handover
 * keeps (sampled after forced collections, in untimed runs) at half the size and at full
 * size: chunked, it should not grow with the portfolio. Run it with
 * {@code bench/handover.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "holdfast.embedded-postgres.data-dir=${bench.data-dir:target/bench-handover}",
				"holdfast.embedded-postgres.reset-on-start=true",
				"holdfast.offboarding.chunk-size=${bench.chunk-size:5000}" })
class HandoverBenchmark {

	private static final int CUSTOMERS = Integer.getInteger("bench.handover.customers", 20_000);

	private static final int ROUNDS = Integer.getInteger("bench.handover.rounds", 3);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void handoverAgainstRawSql() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long team = data.department("基准销售部", null);
		Employee manager = data.employee("mgr", team, null, "SALES_MANAGER");
		List<Long> colleagues = List.of(data.employee("rep", team, manager.id(), "SALES").id(),
				data.employee("rep", team, manager.id(), "SALES").id(),
				data.employee("rep", team, manager.id(), "SALES").id(),
				data.employee("rep", team, manager.id(), "SALES").id());
		data.employee("service", null, null, "SERVICE");
		String managerToken = data.token(manager);
		System.out.printf("[bench] handover of %,d customers (+%,d follow-ups, %,d team memberships), %d rounds%n",
				CUSTOMERS, CUSTOMERS * 3, CUSTOMERS, ROUNDS);
		for (int round = 1; round <= ROUNDS; round++) {
			Employee raw = data.employee("rep", team, manager.id(), "SALES");
			portfolio(raw.id(), colleagues, CUSTOMERS);
			long sqlStart = System.nanoTime();
			int updated = this.transactions.execute(status -> this.jdbc.sql("""
					update customer c set owner_id = (:owners::bigint[])[1 + c.id % 4], version = c.version + 1,
					       updated_at = now()
					where c.owner_id = :leaver""")
				.param("owners", colleagues.toArray(Long[]::new))
				.param("leaver", raw.id())
				.update());
			double sqlMs = (System.nanoTime() - sqlStart) / 1e6;
			assertThat(updated).isEqualTo(CUSTOMERS);
			double apiMs = handover(api, data, team, manager, colleagues, managerToken, CUSTOMERS, false) / 1e6;
			System.out.printf("[bench] round %d: handover %,.0f ms, raw SQL update %,.0f ms, ratio %.2f×%n", round,
					apiMs, sqlMs, apiMs / sqlMs);
		}
		// untimed: a sampler forces collections during the handover to see what it keeps,
		// not what it allocates
		long small = handover(api, data, team, manager, colleagues, managerToken, CUSTOMERS / 2, true);
		long full = handover(api, data, team, manager, colleagues, managerToken, CUSTOMERS, true);
		System.out.printf("[bench] most heap retained during a handover (above the heap before it): %,d MB at %,d"
				+ " customers, %,d MB at %,d%n", small >> 20, CUSTOMERS / 2, full >> 20, CUSTOMERS);
	}

	/**
	 * Resigns a new rep with a portfolio and hands it over: the nanoseconds it took, or
	 * with {@code retained} the most heap left after a collection while it ran.
	 */
	private long handover(Api api, TestData data, long team, Employee manager, List<Long> colleagues,
			String managerToken, int customers, boolean retained) {
		Employee leaver = data.employee("rep", team, manager.id(), "SALES");
		portfolio(leaver.id(), colleagues, customers);
		Api.Response resigned = api.post(data.adminToken(), "/api/v1/employees/" + leaver.id() + "/resignation", Map
			.of("noticeDate", TestData.today().toString(), "lastWorkingDay", TestData.today().plusDays(30).toString()));
		assertThat(resigned.status()).isEqualTo(201);
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long before = runtime.totalMemory() - runtime.freeMemory();
		AtomicLong most = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(retained);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				System.gc();
				most.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory() - before, Math::max);
				LockSupport.parkNanos(20_000_000);
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long start = System.nanoTime();
		Api.Response handover = api.post(managerToken, "/api/v1/offboarding/" + resigned.id() + "/handover",
				Map.of("acceptMissingNotes", true));
		long took = System.nanoTime() - start;
		running.set(false);
		joinQuietly(sampler);
		assertThat(handover.status()).as(handover.toString()).isEqualTo(200);
		assertThat(handover.body().get("reassigned").asInt()).isEqualTo(customers);
		return retained ? most.get() : took;
	}

	private static void joinQuietly(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Customers with three follow-ups each and a colleague on each team. */
	private void portfolio(long owner, List<Long> colleagues, int count) {
		List<Long> ids = this.jdbc.sql("""
				insert into customer (name, normalized_name, kind, level, owner_id, created_by)
				select '基准客户' || g || '-' || :owner, '基准客户' || g || '-' || :owner, 'PERSON',
				       (array['A','B','C','D'])[1 + g % 4], :owner, :owner
				from generate_series(1, :count) g returning id""")
			.param("owner", owner)
			.param("count", count)
			.query(Long.class)
			.list();
		this.jdbc.sql("""
				insert into follow_up (customer_id, author_id, kind, content, next_contact_at)
				select c, :owner, 'CALL', '电话回访，客户反馈良好', case when c % 10 = 0 then now() + interval '7 days' end
				from unnest(:ids::bigint[]) c, generate_series(1, 3)""")
			.param("owner", owner)
			.param("ids", ids.toArray(Long[]::new))
			.update();
		this.jdbc.sql("""
				insert into customer_member (customer_id, employee_id, access)
				select c, (:colleagues::bigint[])[1 + c % 4], case when c % 5 = 0 then 'WRITE' else 'READ' end
				from unnest(:ids::bigint[]) c""")
			.param("colleagues", colleagues.toArray(Long[]::new))
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

}
