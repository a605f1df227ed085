package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handover of thousands of customers on two workers that fails half-way (a chunk's
 * transaction rolls back, as on a crash) and is run again; a termination for cause; the
 * last-working-day job run by several instances at once.
 */
@HoldfastIntegrationTest
class HandoverCrashIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LastWorkingDayJob job;

	Api api;

	TestData data;

	Employee manager;

	Employee leaver;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long team = this.data.department("上海销售部", null);
		this.manager = this.data.employee("mgr", team, null, "SALES_MANAGER");
		this.leaver = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.data.employee("rep", team, this.manager.id(), "SALES");
		this.data.employee("rep", team, this.manager.id(), "SALES");
	}

	@Test
	void aHandoverThatDiesHalfWayLosesNothingAndFinishesOnTheNextRun() {
		List<Long> customers = customersOf(this.leaver, 3500);
		long poison = customers.get(1700);
		long caseId = resign(this.leaver, 20);
		// the second chunk's transaction fails at its last statement, as a crash would
		Api.Response crashed = handoverCrashingAt(caseId, poison);
		assertThat(crashed.status()).isEqualTo(500);
		// two workers take rows with SKIP LOCKED, so which customers share the failed
		// chunk depends on timing; what must hold is that it rolled back whole (at least
		// one chunk of 1000, the poisoned customer among them) and the other worker's
		// chunks committed whole
		assertThat(this.jdbc.sql("select owner_id from customer where id = ?").param(poison).query(Long.class).single())
			.isEqualTo(this.leaver.id());
		long movedBefore = this.jdbc.sql("select count(*) from customer where id in (:ids) and owner_id <> :leaver")
			.param("ids", customers)
			.param("leaver", this.leaver.id())
			.query(Long.class)
			.single();
		assertThat(movedBefore).isBetween(0L, 2500L);
		assertThat(this.jdbc.sql("""
				select count(*) from customer_owner_history where kind = 'HANDOVER' and customer_id in (:ids)""")
			.param("ids", customers)
			.query(Long.class)
			.single()).as("an ownership history row for each customer moved, none for the rolled-back chunk")
			.isEqualTo(movedBefore);
		assertEveryCustomerHasOneOwnerAndAtMostOneHandover(caseId, customers);

		Api.Response again = this.api.post(this.data.token(this.manager), "/api/v1/offboarding/" + caseId + "/handover",
				Map.of("acceptMissingNotes", true));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.body().get("reassigned").asLong()).isEqualTo(3500 - movedBefore);
		assertThat(this.jdbc.sql("select count(*) from customer where owner_id = ?")
			.param(this.leaver.id())
			.query(Long.class)
			.single()).isZero();
		assertEveryCustomerHasOneOwnerAndAtMostOneHandover(caseId, customers);
		assertThat(this.jdbc
			.sql("select count(*) from customer_owner_history where kind = 'HANDOVER'" + " and customer_id in (:ids)")
			.param("ids", customers)
			.query(Long.class)
			.single()).isEqualTo(3500);
		assertThat(this.jdbc.sql("select count(*) from handover_item where case_id = ? and outcome = 'REASSIGNED'")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(3500);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'CUSTOMER_REASSIGNED'"
					+ " and target_id in (select id::text from customer where id in (:ids))")
			.param("ids", customers)
			.query(Long.class)
			.single()).isEqualTo(3500);
	}

	/**
	 * The cluster test's finding: an instance killed mid-handover left the case half-done
	 * until someone asked again, or until the last working day gave the rest to the
	 * manager instead of the planned owners. The last-working-day job now takes it up.
	 */
	@Test
	void aHandoverWhoseInstanceDiedIsFinishedByTheJobForThePlannedOwners() {
		List<Long> customers = customersOf(this.leaver, 1500);
		long caseId = resign(this.leaver, 20);
		long poison = customers.get(1200);
		handoverCrashingAt(caseId, poison);
		assertThat(openRows(caseId)).isPositive();
		this.job.resumeAbandoned();
		assertThat(openRows(caseId)).as("progress two minutes ago or less: someone may still be running it")
			.isPositive();

		// the instance died ten minutes ago
		this.jdbc.sql("update offboarding_case set handover_started_at = now() - interval '10 minutes' where id = ?")
			.param(caseId)
			.update();
		this.jdbc
			.sql("update handover_item set done_at = now() - interval '10 minutes' where case_id = ? and done_at"
					+ " is not null")
			.param(caseId)
			.update();
		assertThat(this.job.resumeAbandoned()).isPositive();

		assertThat(openRows(caseId)).isZero();
		assertThat(this.jdbc.sql("select status from offboarding_case where id = ?")
			.param(caseId)
			.query(String.class)
			.single()).isEqualTo("HANDED_OVER");
		assertThat(this.jdbc.sql("""
				select count(*) from customer c join handover_item i on i.customer_id = c.id and i.case_id = :case
				where c.owner_id = coalesce(i.new_owner_id, i.proposed_owner_id)""")
			.param("case", caseId)
			.query(Long.class)
			.single()).as("every customer with the owner the plan named").isEqualTo(1500);
		assertEveryCustomerHasOneOwnerAndAtMostOneHandover(caseId, customers);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'HANDOVER_EXECUTED' and target_id = ?
				  and details::jsonb ->> 'resumed' = 'true'""")
			.param(String.valueOf(caseId))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Asks for the case's handover while the chunk that reassigns {@code poison} fails at
	 * its last statement, as a crash would; the handover's answer.
	 */
	private Api.Response handoverCrashingAt(long caseId, long poison) {
		this.jdbc.sql("""
				create or replace function test_poison() returns trigger language plpgsql as $$
				begin
				  if new.target_id = '%d' and new.action = 'CUSTOMER_REASSIGNED' then
				    raise exception 'simulated crash';
				  end if;
				  return new;
				end $$""".formatted(poison)).update();
		this.jdbc
			.sql("create trigger test_poison before insert on audit_event for each row execute function test_poison()")
			.update();
		try {
			return this.api.post(this.data.token(this.manager), "/api/v1/offboarding/" + caseId + "/handover",
					Map.of("acceptMissingNotes", true));
		}
		finally {
			this.jdbc.sql("drop trigger test_poison on audit_event").update();
		}
	}

	private long openRows(long caseId) {
		return this.jdbc.sql("select count(*) from handover_item where case_id = ? and done_at is null")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	@Test
	void aTerminationForCauseEndsAccessAtOnceAndGivesEverythingToTheManager() {
		List<Long> customers = customersOf(this.leaver, 30);
		String token = this.data.token(this.leaver);
		long caseId = resign(this.leaver, 20);
		Api.Response terminated = this.api.post(this.data.adminToken(), "/api/v1/offboarding/" + caseId + "/terminate",
				Map.of("reason", "泄露客户资料"));
		assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
		assertThat(terminated.body().get("status").asString()).isEqualTo("DEPARTED");
		assertThat(this.api.get(token, "/api/v1/me").status()).isEqualTo(401);
		assertThat(this.api
			.post(null, "/api/v1/auth/token", Map.of("username", this.leaver.username(), "password", TestData.PASSWORD))
			.status()).isEqualTo(401);
		assertThat(this.jdbc.sql("select count(*) from customer where id in (:ids) and owner_id = :manager")
			.param("ids", customers)
			.param("manager", this.manager.id())
			.query(Long.class)
			.single()).isEqualTo(30);
		assertThat(this.jdbc
			.sql("select count(*) from customer_owner_history where kind = 'DEPARTURE'" + " and customer_id in (:ids)")
			.param("ids", customers)
			.query(Long.class)
			.single()).isEqualTo(30);
	}

	@Test
	void theLastDayJobDepartsEachCaseExactlyOnceWhenInstancesRace() throws Exception {
		customersOf(this.leaver, 50);
		long caseId = resign(this.leaver, 1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(() -> this.job.runFor(TestData.today().plusDays(2)));
		}
		for (Future<Integer> run : pool.invokeAll(runs)) {
			run.get();
		}
		pool.shutdown();
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'EMPLOYEE_DEPARTED' and target_id = ?")
					.param(String.valueOf(caseId))
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from customer where owner_id = ?")
			.param(this.leaver.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from customer_owner_history h join customer c on c.id = h.customer_id"
					+ " where h.old_owner_id = ? and h.kind = 'DEPARTURE'")
			.param(this.leaver.id())
			.query(Long.class)
			.single()).isEqualTo(50);
	}

	private void assertEveryCustomerHasOneOwnerAndAtMostOneHandover(long caseId, List<Long> customers) {
		assertThat(this.jdbc.sql("select count(*) from customer where id in (:ids) and owner_id is not null")
			.param("ids", customers)
			.query(Long.class)
			.single()).isEqualTo(customers.size());
		assertThat(this.jdbc.sql("""
				select count(*) from (select customer_id from customer_owner_history where customer_id in (:ids)
				  and kind = 'HANDOVER' group by customer_id having count(*) > 1) twice""")
			.param("ids", customers)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from handover_item i join customer c on c.id = i.customer_id
				where i.case_id = ? and (i.done_at is not null) <> (c.owner_id <> ?)""")
			.params(caseId, this.leaver.id())
			.query(Long.class)
			.single()).as("a row is done exactly when its customer moved").isZero();
	}

	/** Many customers at once, straight into the table: the API would take minutes. */
	private List<Long> customersOf(Employee owner, int count) {
		return this.jdbc.sql("""
				insert into customer (name, normalized_name, kind, level, owner_id, created_by)
				select '测试客户' || g || '号' || :tag, '测试客户' || g || '号' || :tag, 'PERSON',
				       (array['A','B','C','D'])[1 + g % 4], :owner, :owner
				from generate_series(1, :count) g
				returning id""")
			.param("tag", TestData.unique("-"))
			.param("owner", owner.id())
			.param("count", count)
			.query(Long.class)
			.list();
	}

	private long resign(Employee employee, int daysLeft) {
		Api.Response response = this.api.post(this.data.adminToken(),
				"/api/v1/employees/" + employee.id() + "/resignation", Map.of("noticeDate", TestData.today().toString(),
						"lastWorkingDay", TestData.today().plusDays(daysLeft).toString(), "reason", "另谋高就"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

}
