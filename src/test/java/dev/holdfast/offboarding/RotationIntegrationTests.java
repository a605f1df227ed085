package dev.holdfast.offboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.ContextSwitch;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotation of key accounts (轮岗, issue 15, item 4): the customers move with their history
 * rows and audit events, the new rep reads the handover notes, key customers get a care
 * visit, and the transfer limit does not count the rotation; a later day is the job's,
 * once; the rule on A-level customers lists those past it with a one-click plan; and
 * everyone who must not plan or read a rotation is refused as an attacker would be. The
 * rule (12 months) is switched on for this class.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RotationIntegrationTests.TwelveMonths.class)
class RotationIntegrationTests {

	private static final String ROTATIONS = "/api/v1/rotations";

	/** No A-level customer more than 12 months with the same rep. */
	static class TwelveMonths extends ContextSwitch {

		@Override
		protected Runnable apply(ApplicationContext context) {
			RotationProperties off = context.getBean(RotationProperties.class);
			return replace(context, off, new RotationProperties(12, off.check(), off.maxCustomers(), off.chunkSize()));
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RotationJob job;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	Api api;

	TestData data;

	Company company;

	String managerToken;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = TestData.given(this.api, this.jdbc);
		this.company = this.data.company("西南区", "成都销售一组", "东北区");
		this.managerToken = this.company.token(this.company.manager);
	}

	@Test
	void aRotationMovesTheCustomersWithHistoryNotesAndCareVisitsAndNoTransferCounted() {
		Employee giver = this.company.rep();
		Employee taker = this.company.rep();
		Employee third = this.company.rep();
		long keyA = this.company.customerOf(giver, "A");
		long keyB = this.company.customerOf(giver, "B");
		long plain = this.company.customerOf(giver, "C");
		// one customer came to the giver by a transfer: one change counted of the two
		// allowed
		long transferred = this.company.customerOf(third, "A");
		transfer(transferred, giver, 200);
		assertThat(counted(transferred)).isEqualTo(1);

		Api.Response planned = this.api.post(this.managerToken, ROTATIONS,
				plan(giver, taker, TestData.today(), keyA, keyB, plain, transferred));
		assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
		long id = planned.id();
		assertThat(planned.text("status")).isEqualTo("DONE");
		assertThat(planned.body().get("rotated").asLong()).isEqualTo(4);

		// the history: one ROTATION row per customer, by the manager, and the new owner
		for (long customer : List.of(keyA, keyB, plain, transferred)) {
			assertThat(this.data.ownerOf(customer)).isEqualTo(taker.id());
		}
		assertThat(this.jdbc.sql("""
				select count(*) from customer_owner_history
				where customer_id in (:ids) and kind = 'ROTATION' and old_owner_id = :from and new_owner_id = :to
				  and changed_by = :by and reason = :reason""")
			.param("ids", List.of(keyA, keyB, plain, transferred))
			.param("from", giver.id())
			.param("to", taker.id())
			.param("by", this.company.manager.id())
			.param("reason", "rotation:" + id)
			.query(Long.class)
			.single()).isEqualTo(4);
		assertThat(this.jdbc
			.sql("""
					select count(*) from audit_event where action = 'CUSTOMER_REASSIGNED' and details::jsonb->>'rotationId' = ?
					  and details::jsonb->>'kind' = 'ROTATION'""")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(4);
		assertThat(audited("ROTATION_PLANNED", id)).isEqualTo(1);
		assertThat(audited("ROTATION_EXECUTED", id)).isEqualTo(1);

		// the new rep reads every note; the old rep no longer sees the customers
		JsonNode read = this.api.get(this.company.token(taker), ROTATIONS + "/" + id).body();
		assertThat(read.get("items")).hasSize(4);
		assertThat(notes(read)).contains("王总负责采购，月底前需报价", "张经理已承诺季度返点");
		assertThat(this.api.get(this.company.token(giver), ROTATIONS + "/" + id).body().get("items")).isEmpty();
		// and on the customer's page, where a departure's notes are, not only through the
		// notification (role walk: the page said "no handover notes")
		WebSession takerPage = new WebSession(this.port);
		takerPage.logIn(taker.username(), TestData.PASSWORD);
		String onPage = takerPage.get("/customers/" + keyA + "/handover-notes?lang=zh_CN").body();
		assertThat(onPage).contains("rotation-note", "王总负责采购，月底前需报价", "轮岗：").doesNotContain("没有交接说明");
		WebSession giverPage = new WebSession(this.port);
		giverPage.logIn(giver.username(), TestData.PASSWORD);
		assertThat(giverPage.get("/customers/" + keyA + "/handover-notes").statusCode())
			.as("the old rep no longer sees the customer")
			.isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from notification where employee_id = ? and kind = ? and link = ?")
			.params(taker.id(), RotationExecution.NOTICE, "/rotations/" + id)
			.query(Long.class)
			.single()).isEqualTo(1);

		// care visits for the A and B customers, none for the C customer
		assertThat(Eventually.value("care visits after the rotation",
				() -> this.jdbc.sql("select count(*) from care_visit where source = ?")
					.param("rotation:" + id)
					.query(Long.class)
					.single(),
				n -> n >= 3))
			.isEqualTo(3);
		assertThat(this.jdbc.sql("select distinct reason from care_visit where source = ?")
			.param("rotation:" + id)
			.query(String.class)
			.list()).as("a rotation's visits are not after a handover").containsExactly("ROTATION");
		assertThat(this.jdbc.sql("select count(*) from care_visit where source = ? and customer_id = ?")
			.params("rotation:" + id, plain)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.api.get(this.managerToken, ROTATIONS + "/" + id).body().get("careVisits").asLong())
			.isEqualTo(3);

		// the transfer limit: the rotation is not counted, so one more transfer is
		// allowed,
		// and the one after it is refused as always
		assertThat(counted(transferred)).isEqualTo(1);
		transfer(transferred, third, 200);
		Api.Response limited = this.api.post(this.managerToken, "/api/v1/customers/" + transferred + "/transfer",
				Map.of("newOwnerId", giver.id()));
		assertThat(limited.status()).isEqualTo(409);
		assertThat(limited.text("error")).isEqualTo("transfer_limit");
	}

	/**
	 * Role walk: a customer handed over (a care visit naming the new owner) and then
	 * rotated had two open visits, the first naming a rep who no longer owns it. The
	 * first is now closed as superseded, kept in the history and pointing to the
	 * rotation's visit, which is the one left open.
	 */
	@Test
	void aCustomerHandedOverAndThenRotatedHasOneOpenCareVisitAboutItsCurrentRep() {
		Employee giver = this.company.rep();
		Employee taker = this.company.rep();
		long customer = this.company.customerOf(giver, "A");
		// the customer came to the giver by a handover, whose visit is open
		String handover = "offboarding:" + (1_000_000 + customer);
		this.transactions
			.executeWithoutResult(status -> this.events.publishEvent(new CustomersHandedOver(1_000_000 + customer,
					handover, List.of(new CustomersHandedOver.KeyCustomer(customer, giver.id())))));
		long handoverVisit = Eventually.value("the handover's care visit", () -> visitOf(customer, handover),
				id -> id != null);

		long id = this.api.post(this.managerToken, ROTATIONS, plan(giver, taker, TestData.today(), customer)).id();
		long rotationVisit = Eventually.value("the rotation's care visit", () -> visitOf(customer, "rotation:" + id),
				v -> v != null);

		assertThat(this.jdbc.sql("select id, new_owner_id from care_visit where customer_id = ? and status = 'OPEN'")
			.param(customer)
			.query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
			.list()).as("one open visit, about the current rep").containsExactly(List.of(rotationVisit, taker.id()));
		assertThat(this.jdbc.sql("select status, superseded_by, completed_at is not null from care_visit where id = ?")
			.param(handoverVisit)
			.query((rs, row) -> List.of(rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
			.single()).as("the handover's visit is kept, closed").containsExactly("SUPERSEDED", rotationVisit, true);
		// the customer's care history says so, in both languages
		WebSession manager = new WebSession(this.port);
		manager.logIn(this.company.manager.username(), TestData.PASSWORD);
		String zh = manager.get("/customers/" + customer + "/care?lang=zh_CN").body();
		assertThat(zh).contains("已被取代", "客户再次更换了负责人", "交接后回访", "轮岗后回访");
		String en = manager.get("/customers/" + customer + "/care?lang=en").body();
		assertThat(en).contains("Superseded", "the customer changed hands again", "After a handover",
				"After a rotation");
	}

	private Long visitOf(long customer, String source) {
		return this.jdbc.sql("select id from care_visit where customer_id = ? and source = ?")
			.params(customer, source)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	@Test
	void aLaterDayIsTheJobsOnceAndACancelledPlanMovesNothing() {
		Employee giver = this.company.rep();
		Employee taker = this.company.rep();
		long customer = this.company.customerOf(giver, "A");
		long kept = this.company.customerOf(giver, "B");
		LocalDate day = TestData.today().plusDays(3);
		Api.Response planned = this.api.post(this.managerToken, ROTATIONS, plan(giver, taker, day, customer));
		assertThat(planned.text("status")).isEqualTo("PLANNED");
		long cancelled = this.api.post(this.managerToken, ROTATIONS, plan(giver, taker, day, kept)).id();
		// the customer is in a plan already
		assertThat(this.api.post(this.managerToken, ROTATIONS, plan(giver, taker, day, customer)).text("error"))
			.isEqualTo("already_planned");
		Api.Response cancel = this.api.post(this.managerToken, ROTATIONS + "/" + cancelled + "/cancel",
				Map.of("reason", "客户要求暂缓"));
		assertThat(cancel.text("status")).isEqualTo("CANCELLED");
		assertThat(audited("ROTATION_CANCELLED", cancelled)).isEqualTo(1);

		this.job.runFor(day.minusDays(1));
		assertThat(this.data.ownerOf(customer)).isEqualTo(giver.id());
		// an instance died after it started the plan: the job finishes it on its day
		this.jdbc.sql("update rotation_plan set status = 'RUNNING' where id = ?").param(planned.id()).update();
		this.job.runFor(day);
		this.job.runFor(day);
		assertThat(this.data.ownerOf(customer)).isEqualTo(taker.id());
		assertThat(this.data.ownerOf(kept)).isEqualTo(giver.id());
		assertThat(this.api.get(this.managerToken, ROTATIONS + "/" + planned.id()).text("status")).isEqualTo("DONE");
		assertThat(
				this.jdbc.sql("select count(*) from customer_owner_history where customer_id = ? and kind = 'ROTATION'")
					.param(customer)
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(audited("ROTATION_EXECUTED", planned.id())).isEqualTo(1);
		assertThat(this.api.post(this.managerToken, ROTATIONS + "/" + planned.id() + "/cancel", Map.of()).text("error"))
			.isEqualTo("not_planned");
		// the note is kept as written, and a done item is neither changed nor deleted
		assertThatThrownBy(() -> this.jdbc.sql("update rotation_item set note = '改写' where plan_id = ?")
			.param(planned.id())
			.update()).hasMessageContaining("kept as written");
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from rotation_item where plan_id = ?").param(planned.id()).update())
			.hasMessageContaining("never deleted");
		assertThat(this.jdbc.sql("select note from rotation_item where plan_id = ?")
			.param(planned.id())
			.query(String.class)
			.single()).isEqualTo("王总负责采购，月底前需报价");
	}

	@Test
	void customersPastTheRuleAreListedWithAOneClickPlan() {
		Employee longTime = this.company.rep();
		Employee colleague = this.company.rep();
		long overdue = this.company.customerOf(longTime, "A");
		long recent = this.company.customerOf(longTime, "A");
		long levelB = this.company.customerOf(longTime, "B");
		this.data.age(overdue, 400);
		this.data.age(levelB, 400);
		this.data.age(recent, 30);
		this.company.customerOf(colleague, "C");

		JsonNode list = this.api.get(this.managerToken, ROTATIONS + "/overdue").body();
		assertThat(list.get("maxMonths").asInt()).isEqualTo(12);
		List<Long> listed = ids(list.get("customers"), "customerId");
		assertThat(listed).contains(overdue).doesNotContain(recent, levelB);
		// another region's manager does not see them
		assertThat(ids(this.api.get(this.company.token(this.company.otherManager), ROTATIONS + "/overdue")
			.body()
			.get("customers"), "customerId")).doesNotContain(overdue);
		assertThat(this.api
			.get(this.company.token(this.company.otherManager),
					ROTATIONS + "/overdue/proposal?fromEmployeeId=" + longTime.id())
			.status()).isEqualTo(400);

		JsonNode proposal = this.api
			.get(this.managerToken, ROTATIONS + "/overdue/proposal?fromEmployeeId=" + longTime.id())
			.body();
		assertThat(ids(proposal.get("customers"), "customerId")).containsExactly(overdue);
		assertThat(proposal.get("toEmployeeId").asLong()).isNotEqualTo(longTime.id());
		assertThat(proposal.get("rotateOn").asString()).isEqualTo(TestData.today().plusDays(7).toString());

		Api.Response planned = this.api.post(this.managerToken, ROTATIONS, plan(longTime,
				new Employee(proposal.get("toEmployeeId").asLong(), null), TestData.today().plusDays(7), overdue));
		assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
		// planned: no longer past the rule's list
		assertThat(ids(this.api.get(this.managerToken, ROTATIONS + "/overdue").body().get("customers"), "customerId"))
			.doesNotContain(overdue);
	}

	@Test
	void attackersAreRefusedAndNothingIsWritten() {
		Employee giver = this.company.rep();
		Employee taker = this.company.rep();
		long customer = this.company.customerOf(giver, "A");
		long before = plans(giver);
		LocalDate day = TestData.today().plusDays(1);

		// a rep may not plan rotations, not even of their own customers
		assertThat(this.api.post(this.company.token(giver), ROTATIONS, plan(giver, taker, day, customer)).status())
			.isEqualTo(403);
		// another region's manager does not see the customer
		assertThat(this.api
			.post(this.company.token(this.company.otherManager), ROTATIONS, plan(giver, taker, day, customer))
			.status()).isEqualTo(404);
		// a customer the manager can't see (the other region's) answers as a missing one
		long foreign = this.company.customerOf(this.company.outsider, "A");
		Api.Response hidden = this.api.post(this.managerToken, ROTATIONS,
				plan(this.company.outsider, taker, day, foreign));
		Api.Response missing = this.api.post(this.managerToken, ROTATIONS,
				plan(this.company.outsider, taker, day, 987_654_321L));
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.raw()).isEqualTo(missing.raw());
		// the receiver outside the manager's scope
		Api.Response outside = this.api.post(this.managerToken, ROTATIONS,
				plan(giver, this.company.outsider, day, customer));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body().get("fields").get("toEmployeeId").asString()).contains("data scope");
		// a customer the giver does not own
		long others = this.company.customerOf(taker, "A");
		assertThat(
				this.api.post(this.managerToken, ROTATIONS, plan(giver, this.company.rep(), day, others)).text("error"))
			.isEqualTo("not_owner");
		// a note is required, the day not in the past
		Api.Response noNote = this.api.post(this.managerToken, ROTATIONS,
				Map.of("fromEmployeeId", giver.id(), "toEmployeeId", taker.id(), "rotateOn",
						TestData.today().minusDays(1).toString(), "customers",
						List.of(Map.of("customerId", customer, "note", " "))));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.body().get("fields").has("customers[0].note")).isTrue();
		assertThat(noNote.body().get("fields").has("rotateOn")).isTrue();

		// a receiver serving notice, a giver serving notice, a manager serving notice
		Employee leavingTaker = this.company.rep();
		this.data.leaving(leavingTaker);
		assertThat(this.api.post(this.managerToken, ROTATIONS, plan(giver, leavingTaker, day, customer)).status())
			.isEqualTo(400);
		Employee leavingGiver = this.company.rep();
		long leaversCustomer = this.company.customerOf(leavingGiver, "A");
		this.data.leaving(leavingGiver);
		assertThat(this.api.post(this.managerToken, ROTATIONS, plan(leavingGiver, taker, day, leaversCustomer))
			.text("error")).isEqualTo("leaving");
		Employee leavingManager = this.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		String leavingManagerToken = this.data.token(leavingManager);
		this.data.leaving(leavingManager);
		assertThat(this.api.post(leavingManagerToken, ROTATIONS, plan(giver, taker, day, customer)).status())
			.isEqualTo(403);
		assertThat(plans(giver)).isEqualTo(before);

		// a plan is read by its managers and reps only; cancelled by its managers only
		long id = this.api.post(this.managerToken, ROTATIONS, plan(giver, taker, day, customer)).id();
		for (Employee stranger : List.of(this.company.outsider, this.company.otherManager, this.company.rep(),
				this.company.hr())) {
			assertThat(this.api.get(this.company.token(stranger), ROTATIONS + "/" + id).status())
				.as(stranger.username())
				.isEqualTo(404);
			assertThat(ids(this.api.get(this.company.token(stranger), ROTATIONS).body(), "id")).doesNotContain(id);
		}
		assertThat(
				this.api.post(this.company.token(this.company.otherManager), ROTATIONS + "/" + id + "/cancel", Map.of())
					.status())
			.isEqualTo(404);
		assertThat(this.api.post(this.company.token(taker), ROTATIONS + "/" + id + "/cancel", Map.of()).status())
			.isEqualTo(403);
		assertThat(ids(this.api.get(this.company.token(taker), ROTATIONS).body(), "id")).contains(id);
		assertThat(this.api.get(this.managerToken, ROTATIONS + "/" + id).text("status")).isEqualTo("PLANNED");
	}

	@Test
	void theApiDescriptionDocumentsEveryRotationCall() {
		WebSession session = new WebSession(this.port);
		assertThat(session.logIn(this.company.manager.username(), TestData.PASSWORD).statusCode()).isEqualTo(302);
		JsonNode paths = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(session.get("/api/docs").body())
			.get("paths");
		assertThat(paths.path(ROTATIONS).path("post").path("summary").asString()).contains("Plan a rotation");
		assertThat(paths.path(ROTATIONS).has("get")).isTrue();
		assertThat(paths.path(ROTATIONS + "/{id}").has("get")).isTrue();
		assertThat(paths.path(ROTATIONS + "/{id}/cancel").has("post")).isTrue();
		assertThat(paths.path(ROTATIONS + "/overdue").has("get")).isTrue();
		assertThat(paths.path(ROTATIONS + "/overdue/proposal").has("get")).isTrue();
	}

	private Map<String, Object> plan(Employee from, Employee to, LocalDate day, long... customers) {
		List<Map<String, Object>> rows = new ArrayList<>();
		String[] notes = { "王总负责采购，月底前需报价", "张经理已承诺季度返点", "上次投诉已处理完毕，注意回访", "客户偏好微信联系" };
		for (int i = 0; i < customers.length; i++) {
			rows.add(Map.of("customerId", customers[i], "note", notes[i % notes.length]));
		}
		return Map.of("fromEmployeeId", from.id(), "toEmployeeId", to.id(), "rotateOn", day.toString(), "reason",
				"重点客户轮岗", "customers", rows);
	}

	private void transfer(long customer, Employee to, int status) {
		Api.Response response = this.api.post(this.managerToken, "/api/v1/customers/" + customer + "/transfer",
				Map.of("newOwnerId", to.id(), "reason", "调整负责人"));
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
	}

	/** The customer's changes the transfer limit counts. */
	private long counted(long customer) {
		return this.jdbc.sql("""
				select count(*) from customer_owner_history where customer_id = ? and kind in ('EDIT', 'TRANSFER')""")
			.param(customer)
			.query(Long.class)
			.single();
	}

	private long audited(String action, long planId) {
		return this.jdbc.sql(
				"select count(*) from audit_event where action = ? and target_type = 'rotation_plan' and target_id = ?")
			.params(action, String.valueOf(planId))
			.query(Long.class)
			.single();
	}

	private long plans(Employee from) {
		return this.jdbc.sql("select count(*) from rotation_plan where from_employee_id = ?")
			.param(from.id())
			.query(Long.class)
			.single();
	}

	private static List<String> notes(JsonNode plan) {
		List<String> notes = new ArrayList<>();
		plan.get("items").forEach(item -> notes.add(item.get("note").asString()));
		return notes;
	}

	private static List<Long> ids(JsonNode array, String field) {
		List<Long> ids = new ArrayList<>();
		array.forEach(node -> ids.add(node.get(field).asLong()));
		return ids;
	}

}
