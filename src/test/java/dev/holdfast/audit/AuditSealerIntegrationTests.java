package dev.holdfast.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Requests write their events without a lock; the sealer chains what has committed, in
 * commit order, each event once, whichever instance (here: thread) seals.
 */
@HoldfastIntegrationTest
class AuditSealerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditSealProperties properties;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MeterRegistry meters;

	TransactionTemplate transactions;

	String admin;

	@BeforeEach
	void setUp() {
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.admin = new TestData(new Api(this.port)).adminToken();
	}

	@Test
	void eventsOfConcurrentWritersAreEachChainedOnce() throws Exception {
		String actor = TestData.unique("并发审计");
		ExecutorService writers = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < 8; w++) {
				int writer = w;
				done.add(writers.submit(() -> {
					for (int i = 0; i < 25; i++) {
						record(actor, writer * 1000 + i);
					}
					// a bulk write and a rolled-back one among them
					this.transactions.executeWithoutResult(status -> this.trail.recordAll(
							IntStream.range(0, 5).mapToObj(i -> entry(actor, writer * 1000 + 100 + i)).toList()));
					this.transactions.executeWithoutResult(status -> {
						record(actor, -1);
						status.setRollbackOnly();
					});
					// and bulk work that chains its own events (an import's chunk)
					this.transactions.executeWithoutResult(status -> this.trail.recordAllChained(
							IntStream.range(0, 5).mapToObj(i -> entry(actor, writer * 1000 + 200 + i)).toList()));
				}));
			}
			for (Future<?> each : done) {
				each.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			writers.shutdownNow();
		}

		this.sealer.sealPending();

		List<Long> places = this.jdbc
			.sql("select chain_seq from audit_event where target_type = 'customer' and target_id like ?")
			.param(actor + "#%")
			.query(Long.class)
			.list();
		assertThat(places).hasSize(8 * 35).doesNotContainNull().doesNotHaveDuplicates();
		assertVerifies();
	}

	@Test
	void anEventThatCommitsAfterLaterIdsWereSealedIsChainedAfterThem() throws Exception {
		String actor = TestData.unique("迟到审计");
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService slow = Executors.newSingleThreadExecutor();
		try {
			Future<?> early = slow.submit(() -> this.transactions.executeWithoutResult(status -> {
				record(actor, 1);
				inserted.countDown();
				waitFor(commit);
			}));
			waitFor(inserted);
			this.transactions.executeWithoutResult(status -> record(actor, 2));

			this.sealer.sealPending();
			assertThat(placeOf(actor, 2)).as("the later id, committed first, is sealed").isNotNull();
			assertThat(placeOf(actor, 1)).as("not committed yet: invisible to the sealer").isNull();

			commit.countDown();
			early.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			slow.shutdownNow();
		}
		this.sealer.sealPending();

		assertThat(idOf(actor, 1)).isLessThan(idOf(actor, 2));
		assertThat(placeOf(actor, 1)).as("chained in the order of commit, not of id").isGreaterThan(placeOf(actor, 2));
		assertVerifies();
	}

	@Test
	void bulkWorkChainsItsEventsInItsOwnTransactionAsTheSealerWould() {
		String actor = TestData.unique("批量封存");
		this.transactions.executeWithoutResult(status -> record(actor, 1));
		this.transactions.executeWithoutResult(
				status -> this.trail.recordAllChained(IntStream.range(10, 15).mapToObj(i -> entry(actor, i)).toList()));
		this.transactions.executeWithoutResult(status -> {
			this.trail.recordAllChained(List.of(entry(actor, 20)));
			status.setRollbackOnly();
		});

		List<Long> places = IntStream.range(10, 15).mapToObj(i -> placeOf(actor, i)).toList();
		assertThat(places).as("chained at once, in their order, one after another")
			.doesNotContainNull()
			.isEqualTo(LongStream.range(places.get(0), places.get(0) + 5).boxed().toList());
		assertThat(placeOf(actor, 20)).as("rolled back with its transaction").isNull();
		this.sealer.sealPending();
		assertThat(placeOf(actor, 1)).isNotNull().isNotIn(places);
		assertVerifies();
	}

	@Test
	void twoSealersAtOnceChainEachEventOnce() throws Exception {
		String actor = TestData.unique("双封存");
		// several batches' worth, so that the two sealers overlap
		int events = this.properties.sealBatch() * 4;
		this.transactions.executeWithoutResult(
				status -> this.trail.recordAll(IntStream.range(0, events).mapToObj(i -> entry(actor, i)).toList()));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService sealers = Executors.newFixedThreadPool(2);
		try {
			List<Future<Long>> sealed = new ArrayList<>();
			for (int s = 0; s < 2; s++) {
				sealed.add(sealers.submit(() -> {
					start.await();
					return this.sealer.sealPending();
				}));
			}
			start.countDown();
			for (Future<Long> each : sealed) {
				assertThat(each.get(120, TimeUnit.SECONDS)).isNotNegative();
			}
		}
		finally {
			sealers.shutdownNow();
		}

		assertThat(this.jdbc.sql(
				"select count(distinct chain_seq) from audit_event where target_type = 'customer' and target_id like ?")
			.param(actor + "#%")
			.query(Long.class)
			.single()).isEqualTo(events);
		assertThat(this.jdbc.sql("""
				select max(chain_seq) - min(chain_seq) + 1 = count(*), count(*) = count(distinct prev_hash)
				from audit_event where chain_seq is not null""")
			.query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2)))
			.single()).as("no place in the chain skipped or taken twice, no predecessor claimed twice")
			.containsExactly(true, true);
		assertVerifies();
	}

	@Test
	void theScheduledSealerChainsAnEventWithinTheInterval() {
		String actor = TestData.unique("定时封存");
		this.transactions.executeWithoutResult(status -> record(actor, 1));

		await().atMost(this.properties.sealInterval().multipliedBy(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> placeOf(actor, 1) != null);
		assertThat(this.meters.get("holdfast.audit.unsealed.age").gauge().value()).isNotNegative();
	}

	@Test
	void sealingIsTheOnlyChangeAnEventAllows() {
		String actor = TestData.unique("改封存");
		TransactionTemplate rollback = new TransactionTemplate(this.transactionManager);
		assertThatThrownBy(() -> rollback.executeWithoutResult(status -> {
			status.setRollbackOnly();
			record(actor, 1);
			this.jdbc.sql("""
					update audit_event set chain_seq = -1, prev_hash = repeat('0', 64), hash = repeat('0', 64),
					                       action = 'LOGIN_FAILED'
					where target_type = 'customer' and target_id = ?""").param(actor + "#1").update();
		})).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		this.sealer.sealPending();
		long sealed = this.jdbc.sql("select max(id) from audit_event where chain_seq is not null")
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> rollback.executeWithoutResult(status -> {
			status.setRollbackOnly();
			this.jdbc.sql("update audit_event set hash = repeat('0', 64) where id = ?").param(sealed).update();
		})).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
	}

	private void assertVerifies() {
		Api.Response verification = new Api(this.port).get(this.admin, "/api/v1/audit-events/verify");
		assertThat(verification.body().get("ok").asBoolean()).as(verification.raw()).isTrue();
	}

	/** An event of this test: its target id is the test's unique name and a number. */
	private void record(String actor, int n) {
		this.trail.recordAll(List.of(entry(actor, n)));
	}

	private static AuditEntry entry(String actor, int n) {
		return new AuditEntry(AuditAction.CUSTOMERS_LISTED, "customer", actor + "#" + n, Map.of("rows", n));
	}

	/** The event's place in the chain; null while it is unsealed or not committed. */
	private Long placeOf(String actor, int n) {
		List<Long> places = this.jdbc
			.sql("select chain_seq from audit_event where target_type = 'customer' and target_id = ?")
			.param(actor + "#" + n)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list();
		assertThat(places).hasSizeLessThanOrEqualTo(1);
		return places.isEmpty() ? null : places.get(0);
	}

	private long idOf(String actor, int n) {
		return this.jdbc.sql("select id from audit_event where target_type = 'customer' and target_id = ?")
			.param(actor + "#" + n)
			.query(Long.class)
			.single();
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
