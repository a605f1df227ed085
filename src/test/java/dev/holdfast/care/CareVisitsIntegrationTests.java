package dev.holdfast.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Care visits scheduled by hand and on the rhythm, visible to their visitor and to nobody
 * else, recorded in the company's name.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareVisitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CareRhythmJob rhythm;

	private Api api;

	private Company company;

	/** Customer service of the region. */
	private Employee service;

	/** Customer service of the other region. */
	private Employee otherService;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华东区", "上海销售二组", "西北区");
		this.service = this.company.data.employee("svc", this.company.region, null, "SERVICE");
		this.otherService = this.company.data.employee("svc", this.company.elsewhere, null, "SERVICE");
	}

	@Test
	void aManagerSchedulesAVisitThatOnlyItsVisitorAndTheCustomersPeopleSee() {
		long customer = this.company.customerOf(this.company.owner, "B");
		String path = "/api/v1/customers/" + customer + "/care-visits";
		String service = this.company.token(this.service);
		assertThat(this.api.post(service, path, visit(null)).status()).as("service does not serve it yet")
			.isEqualTo(404);
		assertThat(this.api.post(this.company.token(this.company.colleague), path, visit(null)).status())
			.isEqualTo(404);

		String manager = this.company.token(this.company.manager);
		assertThat(this.api.post(manager, path, visit(this.company.owner.id())).status()).as("the rep is not staff")
			.isEqualTo(400);
		assertThat(this.api.post(manager, path, visit(this.company.colleague.id())).status()).as("a rep is not service")
			.isEqualTo(400);
		Api.Response scheduled = this.api.post(manager, path, visit(this.service.id()));
		assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
		assertThat(scheduled.text("reason")).isEqualTo("MANUAL");
		assertThat(scheduled.text("status")).isEqualTo("OPEN");
		assertThat(scheduled.text("onBehalfOf")).isEqualTo("COMPANY");
		assertThat(scheduled.text("note")).isEqualTo("问候一下采购部王经理");
		assertThat(scheduled.body().get("assigneeId").asLong()).isEqualTo(this.service.id());

		assertThat(this.api.get(service, "/api/v1/customers/" + customer).status()).isEqualTo(200);
		assertThat(this.api.get(service, path).body()).hasSize(1);
		assertThat(this.api.get(this.company.token(this.company.colleague), path).status()).isEqualTo(404);
		assertThat(this.api.get(this.company.token(this.otherService), path).status()).isEqualTo(404);
		assertThat(this.api.get(this.company.token(this.company.otherManager), path).status()).isEqualTo(404);

		long visitId = scheduled.id();
		String outcome = "/api/v1/care-visits/" + visitId + "/outcome";
		assertThat(this.api
			.post(this.company.token(this.company.owner), outcome,
					Map.of("reached", true, "outcome", "客户很满意", "satisfaction", 5))
			.status()).as("the rep can't record a visit in the company's name").isEqualTo(403);
		Api.Response recorded = this.api.post(service, outcome, Map.of("reached", true, "outcome", "王经理对新品很感兴趣",
				"satisfaction", 4, "actions", List.of("寄送新品样册", " ", "下月回访交期")));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
		assertThat(recorded.text("status")).isEqualTo("DONE");
		assertThat(recorded.body().get("satisfaction").asInt()).isEqualTo(4);
		assertThat(recorded.body().get("actions")).hasSize(2);
		assertThat(recorded.body().get("actions").get(0).asString()).isEqualTo("寄送新品样册");
		assertThat(this.api.post(service, outcome, Map.of("reached", true, "outcome", "再记一次")).status()).isEqualTo(409);
	}

	@Test
	void serviceSchedulesItsOwnVisitOnACustomerItServes() {
		long customer = this.company.customerOf(this.company.owner, "B");
		String manager = this.company.token(this.company.manager);
		this.api.post(manager, "/api/v1/customers/" + customer + "/care-visits", visit(this.service.id()));
		Api.Response own = this.api.post(this.company.token(this.service),
				"/api/v1/customers/" + customer + "/care-visits", visit(null));
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
		assertThat(own.body().get("assigneeId").asLong()).isEqualTo(this.service.id());
		Map<String, Object> past = visit(null);
		past.put("dueOn", TestData.today().minusDays(5).toString());
		assertThat(this.api.post(manager, "/api/v1/customers/" + customer + "/care-visits", past).status())
			.isEqualTo(400);
		Map<String, Object> handover = visit(null);
		handover.put("reason", "HANDOVER");
		assertThat(this.api.post(manager, "/api/v1/customers/" + customer + "/care-visits", handover).status())
			.isEqualTo(400);
	}

	@Test
	void theRhythmSchedulesKeyCustomersWithoutARecentVisitOnceAPeriod() {
		long due = this.company.customerOf(this.company.owner, "A");
		long visited = this.company.customerOf(this.company.owner, "A");
		long small = this.company.customerOf(this.company.owner, "C");
		String manager = this.company.token(this.company.manager);
		long visit = this.api.post(manager, "/api/v1/customers/" + visited + "/care-visits", visit(this.service.id()))
			.id();
		this.api.post(this.company.token(this.service), "/api/v1/care-visits/" + visit + "/outcome",
				Map.of("reached", true, "outcome", "一切正常", "satisfaction", 5));
		assertThat(this.api.get(this.company.token(this.service), "/api/v1/customers/" + due).status()).isEqualTo(404);

		Instant now = Instant.now();
		assertThat(this.rhythm.runAt(now)).isGreaterThanOrEqualTo(1);
		long total = this.jdbc.sql("select count(*) from care_visit").query(Long.class).single();

		LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
		String source = "rhythm:" + today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
		List<Map<String, Object>> rows = this.jdbc
			.sql("select customer_id, reason, source, assignee_id from care_visit where customer_id in (?, ?, ?)"
					+ " and reason = 'RHYTHM'")
			.params(due, visited, small)
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(((Number) rows.get(0).get("customer_id")).longValue()).isEqualTo(due);
		assertThat(rows.get(0).get("source")).isEqualTo(source);
		assertThat(((Number) rows.get(0).get("assignee_id")).longValue())
			.as("customer service of the owner's department tree")
			.isEqualTo(this.service.id());
		assertThat(this.api.get(this.company.token(this.service), "/api/v1/customers/" + due).status())
			.as("the visitor sees the customer while the visit is open")
			.isEqualTo(200);

		assertThat(this.rhythm.runAt(now.plusSeconds(3600))).as("the second run changes nothing").isZero();
		assertThat(this.jdbc.sql("select count(*) from care_visit").query(Long.class).single()).isEqualTo(total);
	}

	@Test
	void twoInstancesRunningTheRhythmAtOnceScheduleOneVisit() throws Exception {
		long customer = this.company.customerOf(this.company.owner, "A");
		Instant now = Instant.now();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return this.rhythm.runAt(now);
				}));
			}
			start.countDown();
			for (java.util.concurrent.Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("select count(*) from care_visit where customer_id = ? and reason = 'RHYTHM'")
			.param(customer)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static Map<String, Object> visit(Long assigneeId) {
		Map<String, Object> body = new HashMap<>();
		body.put("dueOn", TestData.today().plusDays(7).toString());
		body.put("assigneeId", assigneeId);
		body.put("note", "问候一下采购部王经理");
		return body;
	}

}
