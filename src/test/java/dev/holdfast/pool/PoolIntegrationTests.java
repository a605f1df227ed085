package dev.holdfast.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData.Employee;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool rules with a controllable clock: the nightly job runs at instants the tests
 * choose (each on a company day of its own: a day runs once), on customers whose age the
 * tests set. All tests share one database, so each looks only at its own customers.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PoolJob job;

	private Company company;

	/** A third rep of the team. */
	private Employee third;

	/** The region's own pool (no rules of its own: the company pool's apply). */
	private long regionPool;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api, this.jdbc).company("华东区", "杭州销售组", "西南区");
		this.third = this.company.rep();
		this.regionPool = this.company.data.pool("华东公海", this.company.region);
	}

	private static Instant inDays(long days) {
		return Instant.now().plus(Duration.ofDays(days));
	}

	@Test
	void aBCustomerWithOnlyTrivialFollowUpsReturnsToItsOwnersRegionPoolAfterThirtyDays() {
		long id = this.company.data.customerWithOneWordFollowUp(this.company.owner, "B");

		assertThat(this.job.runAt(inDays(20)).ran()).isTrue();
		assertThat(this.company.data.ownerOf(id)).as("a one-word follow-up does not help, but 30 days have not passed")
			.isEqualTo(this.company.owner.id());
		PoolRun run = this.job.runAt(inDays(31));

		assertThat(run.ran()).isTrue();
		assertThat(run.returned()).isPositive();
		assertThat(this.company.data.ownerOf(id)).isNull();
		Map<String, Object> entry = this.jdbc
			.sql("select pool_id, previous_owner_id from pool_entry where customer_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(((Number) entry.get("pool_id")).longValue()).isEqualTo(this.regionPool);
		assertThat(((Number) entry.get("previous_owner_id")).longValue()).isEqualTo(this.company.owner.id());
		assertThat(this.jdbc.sql("""
				select count(*) from customer_owner_history
				where customer_id = ? and kind = 'POOL_RETURN' and old_owner_id = ? and new_owner_id is null""")
			.params(id, this.company.owner.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'CUSTOMER_RETURNED_TO_POOL' and target_id = ?""")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Two pools of one name can't be told apart: a second pool named like another (case
	 * and spaces aside), or a pool renamed to another's name, is refused with 409 and
	 * nothing changes.
	 */
	@Test
	void aPoolNameIsTakenOnce() {
		String admin = this.company.data.adminToken();
		String name = TestData.unique("West Lake 公海");
		long department = this.company.data.department(TestData.unique("杭州二组"), this.company.region);
		long other = this.company.data.department(TestData.unique("杭州三组"), this.company.region);
		long first = TestData
			.created(this.api.post(admin, "/api/v1/pools", Map.of("name", name, "departmentId", department)));

		Api.Response twin = this.api.post(admin, "/api/v1/pools",
				Map.of("name", " " + name.toUpperCase(java.util.Locale.ROOT) + " ", "departmentId", other));

		assertThat(twin.status()).as(twin.toString()).isEqualTo(409);
		assertThat(twin.body().get("error").asString()).isEqualTo("pool_name_taken");
		long second = TestData.created(
				this.api.post(admin, "/api/v1/pools", Map.of("name", TestData.unique("钱塘江公海"), "departmentId", other)));
		assertThat(
				this.api.patch(admin, "/api/v1/pools/" + second, Map.of("name", name, "departmentId", other)).status())
			.isEqualTo(409);
		assertThat(this.jdbc.sql("select count(*) from pool where lower(name) = lower(?)")
			.param(name)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.api.patch(admin, "/api/v1/pools/" + first, Map.of("name", name, "departmentId", department))
			.status()).as("a pool keeps its own name").isEqualTo(200);
	}

	@Test
	void theOwnerIsWarnedOnceThreeDaysBeforeTheReturn() {
		long id = this.company.data.customerWithOneWordFollowUp(this.company.owner, "B");
		String token = this.company.token(this.company.owner);

		this.job.runAt(inDays(25));
		assertThat(warned(id)).as("not yet within the 3 warning days").isZero();
		this.job.runAt(inDays(28));
		this.job.runAt(inDays(29));

		assertThat(warned(id)).as("one warning per cycle").isEqualTo(1);
		assertThat(this.company.data.ownerOf(id)).isEqualTo(this.company.owner.id());
		Api.Response warnings = this.api.get(token, "/api/v1/pool/warnings");
		assertThat(warnings.status()).isEqualTo(200);
		assertThat(warnings.raw()).contains("\"customerId\":" + id);
		Api.Response others = this.api.get(this.company.token(this.company.colleague), "/api/v1/pool/warnings");
		assertThat(others.raw()).doesNotContain("\"customerId\":" + id);
		Api.Response notices = this.api.get(token, "/api/v1/notifications");
		assertThat(notices.raw()).as("the owner is told in the app too").contains("POOL_WARNING");
	}

	@Test
	void lockedAndWonCustomersStayWithTheirOwner() {
		long locked = this.company.data.customerWithOneWordFollowUp(this.company.owner, "D");
		long won = this.company.data.customerWithOneWordFollowUp(this.company.owner, "D");
		long plain = this.company.data.customerWithOneWordFollowUp(this.company.owner, "D");
		String manager = this.company.token(this.company.manager);
		assertThat(this.api
			.post(this.company.token(this.company.owner), "/api/v1/customers/" + locked + "/lock",
					Map.of("reason", "自己锁"))
			.status()).as("a rep may not lock").isEqualTo(403);
		assertThat(
				this.api.post(manager, "/api/v1/customers/" + locked + "/lock", Map.of("reason", "战略客户，年底签约")).status())
			.isEqualTo(200);
		assertThat(this.api.post(manager, "/api/v1/customers/" + locked + "/lock", Map.of("reason", "again")).status())
			.isEqualTo(409);
		Api.Response patched = this.api.patch(this.company.token(this.company.owner), "/api/v1/customers/" + won,
				Map.of("status", "WON", "version", 0));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

		this.job.runAt(inDays(40));

		assertThat(this.company.data.ownerOf(locked)).isEqualTo(this.company.owner.id());
		assertThat(this.company.data.ownerOf(won)).isEqualTo(this.company.owner.id());
		assertThat(this.company.data.ownerOf(plain)).isNull();
		assertThat(this.api.delete(manager, "/api/v1/customers/" + locked + "/lock").status()).isEqualTo(200);
		this.job.runAt(inDays(41));
		assertThat(this.company.data.ownerOf(locked)).as("unlocked, the rules apply again").isNull();
	}

	@Test
	void theJobRunTwiceChangesNothingTheSecondTime() {
		long id = this.company.data.customerWithOneWordFollowUp(this.company.owner, "C");
		PoolRun first = this.job.runAt(inDays(45));
		String before = snapshot(id);

		PoolRun again = this.job.runAt(inDays(45).plusSeconds(60));
		PoolRun nextDay = this.job.runAt(inDays(46));

		assertThat(first.ran()).isTrue();
		assertThat(again.ran()).as("the same company day runs once").isFalse();
		assertThat(nextDay.ran()).isTrue();
		assertThat(snapshot(id)).as("nothing changed for the customer").isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from pool_job_run where job = 'pool-rules' and day = ?")
			.param(first.day())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String snapshot(long id) {
		return this.jdbc.sql("""
				select coalesce(c.owner_id, 0) || '/' || c.version || '/' || e.entered_at || '/'
				       || (select count(*) from customer_owner_history h where h.customer_id = c.id)
				from customer c join pool_entry e on e.customer_id = c.id where c.id = ?""")
			.param(id)
			.query(String.class)
			.single();
	}

	@Test
	void thePreviousOwnerMayNotReclaimDuringTheCooldownButMayAfter() {
		Employee rep = this.company.data.employee("rep", this.company.team, this.company.manager.id(), "SALES");
		long recent = this.company.data.customerWithOneWordFollowUp(rep, "B");
		this.company.data.age(recent, 100);
		this.job.runAt(inDays(-10));
		long old = this.company.data.customerWithOneWordFollowUp(rep, "B");
		this.company.data.age(old, 100);
		this.job.runAt(inDays(-40));
		assertThat(this.company.data.ownerOf(recent)).isNull();
		assertThat(this.company.data.ownerOf(old)).isNull();

		Api.Response refused = claim(rep, recent);
		Api.Response claimed = claim(rep, old);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.text("error")).isEqualTo("claim_cooldown");
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
		assertThat(this.company.data.ownerOf(old)).isEqualTo(rep.id());
		assertThat(claim(this.company.colleague, recent).status()).as("others may claim it at once").isEqualTo(200);
	}

	@Test
	void theClaimCapAndTheDailyLimitHold() {
		Employee full = this.company.data.employee("rep", this.company.team, this.company.manager.id(), "SALES");
		Employee busy = this.company.data.employee("rep", this.company.team, this.company.manager.id(), "SALES");
		this.company.data.own(full, 300);
		List<Long> pool = this.company.data.inCompanyPool(12);

		Api.Response capped = claim(full, pool.get(0));
		for (int i = 1; i <= 10; i++) {
			assertThat(claim(busy, pool.get(i)).status()).isEqualTo(200);
		}
		Api.Response eleventh = claim(busy, pool.get(11));

		assertThat(capped.status()).isEqualTo(409);
		assertThat(capped.text("error")).isEqualTo("claim_cap");
		assertThat(eleventh.status()).isEqualTo(409);
		assertThat(eleventh.text("error")).isEqualTo("claim_daily_limit");
		assertThat(this.company.data.ownerOf(pool.get(11))).isNull();
		Api.Response assignCapped = this.api.post(this.company.token(this.company.manager),
				"/api/v1/pool/customers/" + pool.get(0) + "/assign", Map.of("employeeId", full.id()));
		assertThat(assignCapped.text("error")).isEqualTo("claim_cap");
		// nor to someone who may not own customers, even in the manager's team
		Employee service = this.company.data.employee("service", this.company.team, this.company.manager.id(),
				"SERVICE");
		Api.Response toService = this.api.post(this.company.token(this.company.manager),
				"/api/v1/pool/customers/" + pool.get(11) + "/assign", Map.of("employeeId", service.id()));
		assertThat(toService.status()).isEqualTo(400);
		assertThat(toService.raw()).contains("employeeId");
	}

	@Test
	void aRepServingNoticeMayNotClaim() {
		Employee leaving = this.company.data.employee("rep", this.company.team, this.company.manager.id(), "SALES");
		String token = this.company.token(leaving);
		this.api.patch(this.company.data.adminToken(), "/api/v1/employees/" + leaving.id(),
				Map.of("status", "LEAVING"));
		long id = this.company.data.inCompanyPool(1).get(0);

		Api.Response response = this.api.post(token, "/api/v1/pool/customers/" + id + "/claim", Map.of());

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.text("error")).isEqualTo("notice_period");
		assertThat(this.company.data.ownerOf(id)).isNull();
	}

	@Test
	void twoRepsClaimingAtOnceGiveOneWinner() throws Exception {
		long id = this.company.data.customerWithOneWordFollowUp(this.company.owner, "C");
		this.company.data.returnToPool(this.company.owner, id);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Api.Response>> claims = List.of(this.company.colleague, this.third)
			.stream()
			.map(rep -> CompletableFuture.supplyAsync(() -> {
				// log in before the start, so that both claims leave together
				this.company.token(rep);
				await(start);
				return claim(rep, id);
			}))
			.toList();
		start.countDown();

		List<Integer> statuses = claims.stream().map(c -> c.join().status()).sorted().toList();

		assertThat(statuses).containsExactly(200, 409);
		assertThat(this.company.data.ownerOf(id)).isIn(this.company.colleague.id(), this.third.id());
		assertThat(this.jdbc.sql("select count(*) from customer_owner_history where customer_id = ? and kind = 'CLAIM'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Api.Response claim(Employee rep, long customerId) {
		return this.api.post(this.company.token(rep), "/api/v1/pool/customers/" + customerId + "/claim", Map.of());
	}

	private long warned(long customerId) {
		return this.jdbc.sql("select count(*) from pool_warning where customer_id = ?")
			.param(customerId)
			.query(Long.class)
			.single();
	}

}
