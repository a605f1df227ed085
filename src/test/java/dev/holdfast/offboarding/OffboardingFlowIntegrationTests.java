package dev.holdfast.offboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole departure of a rep with 200 customers, as the issue describes it: notice
 * period restrictions refused and audited, a plan that never proposes a leaving or
 * departed owner, the handover, care visits for key customers, and the last day.
 */
@HoldfastIntegrationTest
class OffboardingFlowIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LastWorkingDayJob job;

	Api api;

	TestData data;

	long department;

	Employee manager;

	Employee rep;

	Employee colleague;

	Employee otherColleague;

	Employee hr;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.department = this.data.department("销售二部", null);
		this.manager = this.data.employee("mgr", this.department, null, "SALES_MANAGER");
		this.rep = this.data.employee("rep", this.department, this.manager.id(), "SALES");
		this.colleague = this.data.employee("rep", this.department, this.manager.id(), "SALES");
		this.otherColleague = this.data.employee("rep", this.department, this.manager.id(), "SALES");
		this.hr = this.data.employee("hr", null, null, "HR");
		this.data.employee("service", null, null, "SERVICE");
	}

	@Test
	void aRepWith200CustomersResignsHandsOverAndLeaves() throws Exception {
		String repToken = this.data.token(this.rep);
		WebSession repSession = new WebSession(this.port);
		assertThat(repSession.logIn(this.rep.username(), TestData.PASSWORD).statusCode()).isEqualTo(302);
		List<Long> customers = new ArrayList<>();
		Set<Long> key = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String level = i < 20 ? "A" : i < 50 ? "B" : i < 150 ? "C" : "D";
			long id = created(this.api.post(repToken, "/api/v1/customers", Map.of("name",
					TestData.unique("深圳华强电子") + "有限公司", "kind", "COMPANY", "level", level, "region", "广东省深圳市")));
			customers.add(id);
			if (i < 50) {
				key.add(id);
			}
		}
		long contact = created(this.api.post(repToken, "/api/v1/customers/" + customers.get(0) + "/contacts",
				Map.of("name", "王建国", "phone", "13800138000", "email", "wangjg@huaqiang.cn")));
		Api.Response revealed = this.api.post(repToken, "/api/v1/contacts/" + contact + "/reveal",
				Map.of("field", "phone", "reason", "回电确认交货"));
		assertThat(revealed.body().get("value").asString()).isEqualTo("13800138000");
		long withMember = customers.get(60);
		assertThat(this.api
			.put(repToken, "/api/v1/customers/" + withMember + "/members/" + this.colleague.id(),
					Map.of("access", "WRITE"))
			.status()).isEqualTo(200);
		// a colleague serving notice already must never be proposed
		Employee leavingColleague = this.data.employee("rep", this.department, this.manager.id(), "SALES");
		resign(leavingColleague, TestData.today().plusDays(30));
		long caseId = resign(this.rep, TestData.today().plusDays(14));

		JsonNode employee = this.api.get(this.data.adminToken(), "/api/v1/employees/" + this.rep.id()).body();
		assertThat(employee.get("status").asString()).isEqualTo("LEAVING");

		// notice period: refused with that reason, and audited
		long customer = customers.get(0);
		JsonNode me = this.api.get(repToken, "/api/v1/me").body();
		assertThat(me.get("restricted").toString()).contains("export.request", "customer.claim", "contact.reveal",
				"customer.transfer", "customer.archive", "customer.members");
		assertThat(me.get("permissions").toString()).doesNotContain("contact.reveal", "customer.members")
			.contains("followup.create");
		assertNoticePeriod(this.api.post(repToken, "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV", "filter", Map.of())));
		assertNoticePeriod(this.api.post(repToken, "/api/v1/contacts/" + contact + "/reveal",
				Map.of("field", "phone", "reason", "想看看")));
		assertNoticePeriod(this.api.post(repToken, "/api/v1/customers/" + customer + "/archive", Map.of()));
		assertNoticePeriod(this.api.patch(repToken, "/api/v1/customers/" + customer,
				Map.of("ownerId", this.colleague.id(), "version", 0)));
		assertNoticePeriod(this.api.put(repToken, "/api/v1/customers/" + customer + "/members/" + this.colleague.id(),
				Map.of("access", "READ")));
		assertNoticePeriod(this.api.post(repToken, "/api/v1/customers",
				Map.of("name", TestData.unique("新客户") + "有限公司", "kind", "COMPANY")));
		String managerToken = this.data.token(this.manager);
		long managersOwn = created(this.api.post(managerToken, "/api/v1/customers",
				Map.of("name", TestData.unique("北京燕山") + "有限公司", "kind", "COMPANY")));
		assertNoticePeriod(this.api.patch(managerToken, "/api/v1/customers/" + managersOwn,
				Map.of("ownerId", this.rep.id(), "version", 0)));
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor_id = ?"
					+ " and details like '%notice_period%'")
			.param(this.rep.id())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);
		// ... but keeps working on their own customers
		assertThat(this.api
			.post(repToken, "/api/v1/customers/" + customer + "/follow-ups",
					Map.of("kind", "CALL", "content", "电话沟通交接安排，客户同意下周见新负责人"))
			.status()).isEqualTo(201);
		// the manager is on every team with WRITE access
		assertThat(this.jdbc.sql("""
				select count(*) from customer_member where employee_id = ? and access = 'WRITE' and removed_at is null
				  and customer_id in (select id from customer where owner_id = ?)""")
			.params(this.manager.id(), this.rep.id())
			.query(Long.class)
			.single()).isEqualTo(200);

		// the plan
		String hrToken = this.data.token(this.hr);
		Api.Response plan = this.api.get(hrToken, "/api/v1/offboarding/" + caseId + "/plan?size=200");
		assertThat(plan.status()).isEqualTo(200);
		assertThat(plan.body().get("total").asLong()).isEqualTo(200);
		Map<Long, Long> proposed = new HashMap<>();
		for (JsonNode row : plan.body().get("items")) {
			proposed.put(row.get("customerId").asLong(), row.get("proposedOwnerId").asLong());
		}
		assertThat(proposed).hasSize(200).doesNotContainValue(this.rep.id()).doesNotContainValue(leavingColleague.id());
		assertThat(proposed.get(withMember)).isEqualTo(this.colleague.id());
		assertThat(proposed.values()).contains(this.otherColleague.id());

		// editing the plan: a leaving employee is refused, an active one taken
		assertThat(this.api
			.patch(managerToken, "/api/v1/offboarding/" + caseId + "/plan",
					List.of(Map.of("customerId", customer, "newOwnerId", leavingColleague.id())))
			.status()).isEqualTo(400);
		assertThat(this.api
			.patch(managerToken, "/api/v1/offboarding/" + caseId + "/plan",
					List.of(Map.of("customerId", customer, "newOwnerId", this.manager.id())))
			.status()).isEqualTo(200);

		// the leaver writes a note; the case counts it
		assertThat(this.api
			.put(repToken, "/api/v1/offboarding/" + caseId + "/notes/" + customer,
					Map.of("keyContacts", "采购部王经理 138 0013 8000", "promises", "年底前给九五折", "nextStep", "12月初回访"))
			.status()).isEqualTo(200);
		JsonNode details = this.api.get(managerToken, "/api/v1/offboarding/" + caseId).body();
		assertThat(details.get("notesCompleteness").asInt()).isZero();
		assertThat(details.get("keyCustomersWithoutNote")).hasSize(49);
		// an outsider sees no case at all
		Employee outsider = this.data.employee("rep", null, null, "SALES");
		assertThat(this.api.get(this.data.token(outsider), "/api/v1/offboarding/" + caseId).status()).isEqualTo(404);
		// the leaver can't run their own handover
		assertThat(this.api.post(repToken, "/api/v1/offboarding/" + caseId + "/handover", Map.of()).status())
			.isEqualTo(403);

		// the handover
		// 49 key customers have no note: refused, naming them, until the manager accepts
		// it
		Api.Response refused = this.api.post(managerToken, "/api/v1/offboarding/" + caseId + "/handover", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("error").asString()).isEqualTo("handover_notes_missing");
		assertThat(refused.body().get("customers")).hasSize(49);
		Api.Response handover = this.api.post(managerToken, "/api/v1/offboarding/" + caseId + "/handover",
				Map.of("acceptMissingNotes", true));
		assertThat(handover.status()).isEqualTo(200);
		assertThat(handover.body().get("reassigned").asInt()).isEqualTo(200);
		assertThat(handover.body().get("status").asString()).isEqualTo("HANDED_OVER");
		assertThat(this.jdbc.sql("select count(*) from customer where owner_id = ?")
			.param(this.rep.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from customer c join employee e on e.id = c.owner_id
				where c.id in (:ids) and e.status = 'ACTIVE'""").param("ids", customers).query(Long.class).single())
			.isEqualTo(200);
		assertThat(
				this.jdbc.sql("select owner_id from customer where id = ?").param(customer).query(Long.class).single())
			.isEqualTo(this.manager.id());
		assertThat(this.jdbc.sql("""
				select count(*) from customer_owner_history
				where customer_id in (:ids) and kind = 'HANDOVER' and old_owner_id = :rep and changed_by = :by""")
			.param("ids", customers)
			.param("rep", this.rep.id())
			.param("by", this.manager.id())
			.query(Long.class)
			.single()).isEqualTo(200);
		// care schedules the visits after each chunk commits (CustomersHandedOver)
		assertThat(Eventually.value("care visits after the handover",
				() -> this.jdbc.sql("select count(*) from care_visit where source = :source and customer_id in (:ids)")
					.param("source", "offboarding:" + caseId)
					.param("ids", customers)
					.query(Long.class)
					.single(),
				n -> n >= 50))
			.isEqualTo(50);
		assertThat(this.jdbc.sql("select count(*) from handover_item where case_id = ? and outcome = 'REASSIGNED'")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(200);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'CUSTOMER_REASSIGNED'"
					+ " and target_id in (select id::text from customer where id in (:ids))")
			.param("ids", customers)
			.query(Long.class)
			.single()).isEqualTo(200);
		// the colleague's handover tasks carry the leaver's note where there is one
		JsonNode tasks = this.api.get(this.data.token(this.colleague), "/api/v1/handover-tasks").body();
		assertThat(tasks.size()).isPositive();
		JsonNode managerTasks = this.api.get(managerToken, "/api/v1/handover-tasks").body();
		boolean noteCarried = false;
		for (JsonNode task : managerTasks) {
			if (task.get("customerId").asLong() == customer) {
				noteCarried = task.get("note").get("promises").asString().equals("年底前给九五折");
			}
		}
		assertThat(noteCarried).isTrue();
		// running it again changes nothing
		Api.Response again = this.api.post(managerToken, "/api/v1/offboarding/" + caseId + "/handover", Map.of());
		assertThat(again.body().get("reassigned").asInt()).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from customer_owner_history where customer_id in (:ids)" + " and kind = 'HANDOVER'")
			.param("ids", customers)
			.query(Long.class)
			.single()).isEqualTo(200);

		// the history is not rewritten: the rep's follow-up is still the rep's
		assertThat(this.jdbc.sql("select count(*) from follow_up where customer_id = ? and author_id = ?")
			.params(customer, this.rep.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// the last working day ends: token and session die
		assertThat(this.api.get(repToken, "/api/v1/me").status()).isEqualTo(200);
		this.job.runFor(TestData.today().plusDays(15));
		assertThat(this.api.get(repToken, "/api/v1/me").status()).isEqualTo(401);
		assertThat(repSession.get("/customers").statusCode()).isEqualTo(302);
		assertThat(this.api.get(this.data.adminToken(), "/api/v1/employees/" + this.rep.id())
			.body()
			.get("status")
			.asString()).isEqualTo("DEPARTED");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'SESSIONS_REVOKED' and target_id = ?")
			.param(String.valueOf(this.rep.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
		// the departed rep stays in history by name
		assertThat(this.api.get(managerToken, "/api/v1/customers/" + customer + "/follow-ups").raw())
			.contains("测试" + this.rep.username());
	}

	/**
	 * Role walk: the resignation put the manager on every team of the leaver's customers
	 * with WRITE access and no end, so the manager kept it after the handover, even once
	 * a customer had moved to another region. The handover of each customer now ends it:
	 * a membership the resignation added ends, one it raised from READ is READ again.
	 */
	@Test
	void theManagersWriteAccessToTheLeaversCustomersEndsWithTheirHandover() {
		String repToken = this.data.token(this.rep);
		String managerToken = this.data.token(this.manager);
		long away = created(this.api.post(repToken, "/api/v1/customers",
				Map.of("name", TestData.unique("苏州工业园") + "有限公司", "kind", "COMPANY", "level", "C")));
		long shared = created(this.api.post(repToken, "/api/v1/customers",
				Map.of("name", TestData.unique("无锡新区") + "有限公司", "kind", "COMPANY", "level", "C")));
		assertThat(this.api
			.put(repToken, "/api/v1/customers/" + shared + "/members/" + this.manager.id(), Map.of("access", "READ"))
			.status()).isEqualTo(200);
		long north = this.data.department("华北销售部", null);
		Employee northManager = this.data.employee("mgr", north, null, "SALES_MANAGER");
		Employee far = this.data.employee("rep", north, northManager.id(), "SALES");
		long caseId = resign(this.rep, TestData.today().plusDays(14));
		assertThat(membership(away)).isEqualTo("WRITE");
		assertThat(membership(shared)).isEqualTo("WRITE");

		assertThat(
				this.api.patch(managerToken, "/api/v1/offboarding/" + caseId + "/plan",
						List.of(Map.of("customerId", away, "newOwnerId", this.colleague.id()),
								Map.of("customerId", shared, "newOwnerId", this.colleague.id())))
					.status())
			.isEqualTo(200);
		Api.Response handover = this.api.post(managerToken, "/api/v1/offboarding/" + caseId + "/handover",
				Map.of("acceptMissingNotes", true));
		assertThat(handover.status()).as(handover.toString()).isEqualTo(200);
		assertThat(membership(away)).as("the grant the resignation added ended").isNull();
		assertThat(membership(shared)).as("the READ membership the manager had before is back").isEqualTo("READ");
		assertThat(this.api.get(managerToken, "/api/v1/customers/" + away).status()).as("by the manager's scope")
			.isEqualTo(200);

		// the new owner's customer moves to another region: the manager no longer sees it
		Api.Response moved = this.api.post(this.data.adminToken(), "/api/v1/customers/" + away + "/transfer",
				Map.of("newOwnerId", far.id(), "reason", "客户总部迁到北京"));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(this.api.get(managerToken, "/api/v1/customers/" + away).status()).isEqualTo(404);
		Api.Response edit = this.api.patch(managerToken, "/api/v1/customers/" + away,
				Map.of("notes", "经理还想改", "version", 0));
		assertThat(edit.status()).isEqualTo(404);
	}

	private String membership(long customer) {
		return this.jdbc.sql("""
				select access from customer_member where customer_id = ? and employee_id = ? and removed_at is null
				  and (expires_at is null or expires_at > now())""")
			.params(customer, this.manager.id())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long resign(Employee employee, LocalDate lastDay) {
		Api.Response response = this.api.post(this.data.token(this.hr),
				"/api/v1/employees/" + employee.id() + "/resignation", Map.of("noticeDate", TestData.today().toString(),
						"lastWorkingDay", lastDay.toString(), "reason", "个人原因"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.body().get("status").asString()).isEqualTo("NOTICE");
		return response.id();
	}

	private static void assertNoticePeriod(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.body().get("error").asString()).isEqualTo("notice_period");
	}

	private static long created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

}
