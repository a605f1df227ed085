package dev.holdfast.care;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hole 5 of issue 10, as the customer service agent tried it: a care visit lets its
 * visitor see the customer until a while after the due date, so the agent scheduled one
 * due 2999-12-31 to keep its own access for ever, gave a colleague the same access with
 * {@code assigneeId}, and lengthened its own access with a visit after it ends. Only a
 * care coordinator (managers, administrators) gives visits to others or extends access;
 * no visit is due more than {@code holdfast.care.max-due-days} ahead.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderAttackServiceIntegrationTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CareRhythmJob rhythm;

	@Autowired
	CareVisits careVisits;

	private Api api;

	private Company company;

	/** Customer service of the region. */
	private Employee service;

	private Employee colleague;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华东区", "上海销售二组", "西北区");
		this.service = this.company.data.employee("svc", this.company.region, null, "SERVICE");
		this.colleague = this.company.data.employee("svc", this.company.region, null, "SERVICE");
	}

	@Test
	void aVisitDueIn2999IsRefusedAndLengthensNothing() {
		long customer = servedCustomer();
		Instant accessBefore = accessEnds(customer, this.service);
		long visitsBefore = visits(customer);

		Api.Response attack = schedule(this.service, customer, LocalDate.of(2999, 12, 31), null);

		assertThat(attack.status()).as(attack.toString()).isEqualTo(400);
		assertThat(attack.body().get("fields").has("dueOn")).isTrue();
		assertThat(visits(customer)).as("nothing written").isEqualTo(visitsBefore);
		assertThat(accessEnds(customer, this.service)).isEqualTo(accessBefore);
		assertThat(accessBefore).isBefore(Instant.now().plus(Duration.ofDays(30)));

		Api.Response managerToo = schedule(this.company.manager, customer, LocalDate.of(2999, 12, 31),
				this.service.id());
		assertThat(managerToo.status()).as("the limit holds for coordinators as well").isEqualTo(400);
		assertThat(schedule(this.company.manager, customer, today().plusDays(61), this.service.id()).status())
			.isEqualTo(400);
		assertThat(schedule(this.company.manager, customer, today().minusDays(1), this.service.id()).status())
			.isEqualTo(400);
		assertThat(visits(customer)).isEqualTo(visitsBefore);
	}

	@Test
	void serviceCannotGiveAColleagueAccessWithAssigneeId() {
		long customer = servedCustomer();
		long contact = this.api
			.post(this.company.token(this.company.owner), "/api/v1/customers/" + customer + "/contacts",
					Map.of("name", "王建国", "phone", TestData.uniqueMobile()))
			.id();
		String colleague = this.company.token(this.colleague);
		assertThat(this.api.get(colleague, "/api/v1/customers/" + customer).status()).isEqualTo(404);
		long visitsBefore = visits(customer);

		Api.Response attack = schedule(this.service, customer, today().plusDays(5), this.colleague.id());

		assertThat(attack.status()).as(attack.toString()).isEqualTo(403);
		assertThat(visits(customer)).isEqualTo(visitsBefore);
		assertThat(this.api.get(colleague, "/api/v1/customers/" + customer).status()).isEqualTo(404);
		Api.Response contacts = this.api.get(colleague, "/api/v1/customers/" + customer + "/contacts");
		assertThat(contacts.status()).isEqualTo(404);
		assertThat(contacts.raw()).doesNotContain("13912345678");
		assertThat(
				this.api.post(colleague, "/api/v1/contacts/" + contact + "/reveal", Map.of("field", "phone")).status())
			.isEqualTo(404);
	}

	@Test
	void serviceCannotExtendItsOwnAccessWithALaterVisit() {
		long customer = servedCustomer();
		Instant accessBefore = accessEnds(customer, this.service);
		long visitsBefore = visits(customer);

		// within max-due-days, but after the membership the manager's visit gave ends
		Api.Response attack = schedule(this.service, customer, today().plusDays(50), null);

		assertThat(attack.status()).as(attack.toString()).isEqualTo(403);
		assertThat(visits(customer)).isEqualTo(visitsBefore);
		assertThat(accessEnds(customer, this.service)).isEqualTo(accessBefore);
	}

	@Test
	void serviceSchedulesItsOwnVisitWithinItsAccessWhichThenKeepsNothingOpen() {
		long customer = servedCustomer();
		Instant accessBefore = accessEnds(customer, this.service);
		Api.Response own = schedule(this.service, customer, today().plusDays(5), null);
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
		assertThat(accessEnds(customer, this.service)).as("scheduling its own visit grants nothing")
			.isEqualTo(accessBefore);

		// the manager's visit is done; only the agent's own visit is open when its access
		// runs out
		long managersVisit = this.jdbc
			.sql("select id from care_visit where customer_id = ? and created_by = ? order by id limit 1")
			.params(customer, this.company.manager.id())
			.query(Long.class)
			.single();
		assertThat(this.api
			.post(this.company.token(this.service), "/api/v1/care-visits/" + managersVisit + "/outcome",
					Map.of("reached", true, "outcome", "客户对服务满意", "satisfaction", 5))
			.status()).isEqualTo(200);
		Instant soon = Instant.now().plus(Duration.ofHours(12)).truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("update customer_member set expires_at = ? where customer_id = ? and employee_id = ?")
			.params(Timestamp.from(soon), customer, this.service.id())
			.update();
		this.rhythm.runAt(Instant.now());
		assertThat(accessEnds(customer, this.service))
			.as("the care rhythm keeps access open for visits that grant it, not for self-scheduled ones")
			.isEqualTo(soon);
	}

	@Test
	void aCoordinatorStillGivesVisitsAndAccessAndTheRhythmKeepsItOpen() {
		long customer = this.company.customerOf(this.company.owner, "B");
		Api.Response given = schedule(this.company.manager, customer, today().plusDays(60), this.colleague.id());
		assertThat(given.status()).as(given.toString()).isEqualTo(201);
		assertThat(this.api.get(this.company.token(this.colleague), "/api/v1/customers/" + customer).status())
			.isEqualTo(200);
		assertThat(accessEnds(customer, this.colleague)).isAfter(Instant.now().plus(Duration.ofDays(60)));

		this.jdbc.sql("update customer_member set expires_at = ? where customer_id = ? and employee_id = ?")
			.params(Timestamp.from(Instant.now().plus(Duration.ofHours(12))), customer, this.colleague.id())
			.update();
		this.rhythm.runAt(Instant.now());
		assertThat(accessEnds(customer, this.colleague)).as("an open visit a coordinator gave keeps its access")
			.isAfter(Instant.now().plus(Duration.ofDays(10)));
	}

	@Test
	void aComplaintResolvedByServiceStillSchedulesItsCheckButLengthensNoOwnAccess() {
		// a region whose only customer service is the agent, so that the check is its own
		long south = this.company.data.department("华南区", null);
		Employee manager = this.company.data.employee("mgr", south, null, "SALES_MANAGER");
		Employee rep = this.company.data.employee("rep", south, manager.id(), "SALES");
		Employee agent = this.company.data.employee("svc", south, null, "SERVICE");
		long customer = this.company.customerOf(rep, "B");
		assertThat(schedule(manager, customer, today().plusDays(3), agent.id()).status()).isEqualTo(201);
		String service = this.company.token(agent);
		Instant accessBefore = accessEnds(customer, agent);

		long complaint = this.api
			.post(service, "/api/v1/customers/" + customer + "/complaints",
					Map.of("summary", "发货延迟三天", "severity", "MEDIUM", "channel", "PHONE"))
			.id();
		assertThat(
				this.api.post(service, "/api/v1/complaints/" + complaint + "/transitions", Map.of("to", "IN_PROGRESS"))
					.status())
			.isEqualTo(200);
		Api.Response resolved = this.api.post(service, "/api/v1/complaints/" + complaint + "/transitions",
				Map.of("to", "RESOLVED", "note", "已补发并致歉"));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);

		Map<String, Object> check = this.jdbc
			.sql("select reason, assignee_id, grants_access from care_visit where complaint_id = ?")
			.param(complaint)
			.query()
			.singleRow();
		assertThat(check.get("reason")).as("the satisfaction check is still scheduled").isEqualTo("COMPLAINT");
		assertThat(((Number) check.get("assignee_id")).longValue()).isEqualTo(agent.id());
		assertThat(check.get("grants_access")).isEqualTo(false);
		assertThat(accessEnds(customer, agent)).as("resolving a complaint lengthens no own access")
			.isEqualTo(accessBefore);
	}

	/**
	 * Role walk: a customer handed over and then rotated; the handover's visit, which
	 * named the former owner, is superseded by the rotation's, which another agent makes.
	 * The first agent no longer sees the customer (404 on it, its contacts and on
	 * recording the old visit), and the new agent does.
	 */
	@Test
	void theVisitorOfASupersededVisitNoLongerSeesTheCustomerNorRecordsIt() {
		long north = this.company.data.department("东北区", null);
		Employee former = this.company.data.employee("svc", north, null, "SERVICE");
		Employee[] current = new Employee[1];
		// a second agent, with fewer open visits, gets the rotation's visit
		Rotated rotated = handedOverThenRotated(north, customer -> {
			assertThat(this.api.get(this.company.token(former), "/api/v1/customers/" + customer).status())
				.as("the handover's visitor sees the customer")
				.isEqualTo(200);
			current[0] = this.company.data.employee("svc", north, null, "SERVICE");
		});
		long customer = rotated.customer();
		assertThat(assigneeOf(rotated.handoverVisit())).isEqualTo(former.id());
		assertThat(assigneeOf(rotated.rotationVisit())).isEqualTo(current[0].id());
		assertThat(this.jdbc.sql("select status from care_visit where id = ?")
			.param(rotated.handoverVisit())
			.query(String.class)
			.single()).isEqualTo("SUPERSEDED");

		String formerToken = this.company.token(former);
		assertThat(this.api.get(formerToken, "/api/v1/customers/" + customer).status())
			.as("the superseded visit's agent no longer sees the customer")
			.isEqualTo(404);
		assertThat(this.api.get(formerToken, "/api/v1/customers/" + customer + "/contacts").status()).isEqualTo(404);
		Api.Response record = this.api.post(formerToken, "/api/v1/care-visits/" + rotated.handoverVisit() + "/outcome",
				Map.of("reached", true, "outcome", "客户对服务满意", "satisfaction", 5));
		assertThat(record.status()).as(record.toString()).isEqualTo(404);
		assertThat(this.api.get(this.company.token(current[0]), "/api/v1/customers/" + customer).status())
			.isEqualTo(200);
		assertThat(this.jdbc
			.sql("select count(*) from customer_member where customer_id = ? and employee_id = ?"
					+ " and removed_at is not null")
			.params(customer, former.id())
			.query(Long.class)
			.single()).as("the membership ended, kept in the team's history").isEqualTo(1);
	}

	/**
	 * The same agent makes both visits: it keeps seeing the customer through the new one,
	 * and recording the superseded visit is refused with a 409 that says why, in both
	 * languages.
	 */
	@Test
	void theSameVisitorKeepsItsAccessButCannotRecordTheSupersededVisit() {
		long west = this.company.data.department("西南区", null);
		Employee agent = this.company.data.employee("svc", west, null, "SERVICE");
		Rotated rotated = handedOverThenRotated(west, customer -> {
		});
		long customer = rotated.customer();
		long handoverVisit = rotated.handoverVisit();
		assertThat(assigneeOf(rotated.rotationVisit())).isEqualTo(agent.id());

		String token = this.company.token(agent);
		assertThat(this.api.get(token, "/api/v1/customers/" + customer).status()).isEqualTo(200);
		Api.Response record = this.api.post(token, "/api/v1/care-visits/" + handoverVisit + "/outcome",
				Map.of("reached", true, "outcome", "客户对服务满意", "satisfaction", 5));
		assertThat(record.status()).as(record.toString()).isEqualTo(409);
		assertThat(record.text("error")).isEqualTo("superseded");
		WebSession web = new WebSession(this.port);
		web.logIn(agent.username(), TestData.PASSWORD);
		Map<String, String> form = Map.of("reached", "true", "outcome", "客户对服务满意", "satisfaction", "5", "_csrf",
				WebSession.csrfToken(web.get("/care-visits")));
		java.net.http.HttpResponse<String> zh = web.post("/care-visits/" + handoverVisit + "/outcome?lang=zh_CN", form);
		assertThat(zh.statusCode()).isEqualTo(409);
		assertThat(zh.body()).contains("此次回访已被取代");
		assertThat(web.post("/care-visits/" + handoverVisit + "/outcome?lang=en", form).body())
			.contains("this visit was superseded after the customer changed hands again");
		assertThat(this.jdbc.sql("select status from care_visit where id = ?")
			.param(handoverVisit)
			.query(String.class)
			.single()).isEqualTo("SUPERSEDED");
	}

	/**
	 * A customer handed over (a visit naming its rep) and then rotated to another rep.
	 */
	private record Rotated(long customer, long handoverVisit, long rotationVisit) {
	}

	/**
	 * A customer of a new rep of the region, handed over to them (its care visit goes to
	 * the region's agent), then moved to a colleague by a rotation (its visit supersedes
	 * the first); {@code beforeRotation} runs in between.
	 */
	private Rotated handedOverThenRotated(long region, LongConsumer beforeRotation) {
		Employee manager = this.company.data.employee("mgr", region, null, "SALES_MANAGER");
		Employee giver = this.company.data.employee("rep", region, manager.id(), "SALES");
		Employee taker = this.company.data.employee("rep", region, manager.id(), "SALES");
		long customer = this.company.customerOf(giver, "A");
		this.careVisits.scheduleAfterHandover("offboarding:" + customer,
				List.of(new CareVisits.HandedOver(customer, giver.id())));
		long handoverVisit = visitOf(customer, "offboarding:" + customer);
		beforeRotation.accept(customer);
		assertThat(this.api
			.post(this.company.token(manager), "/api/v1/customers/" + customer + "/transfer",
					Map.of("newOwnerId", taker.id(), "reason", "轮岗"))
			.status()).isEqualTo(200);
		this.careVisits.scheduleAfterRotation("rotation:" + customer,
				List.of(new CareVisits.HandedOver(customer, taker.id())));
		return new Rotated(customer, handoverVisit, visitOf(customer, "rotation:" + customer));
	}

	private long visitOf(long customer, String source) {
		return this.jdbc.sql("select id from care_visit where customer_id = ? and source = ?")
			.params(customer, source)
			.query(Long.class)
			.single();
	}

	private long assigneeOf(long visit) {
		return this.jdbc.sql("select assignee_id from care_visit where id = ?").param(visit).query(Long.class).single();
	}

	/**
	 * A B customer the agent serves through a visit its manager gave it, due in 3 days.
	 */
	private long servedCustomer() {
		long customer = this.company.customerOf(this.company.owner, "B");
		Api.Response given = schedule(this.company.manager, customer, today().plusDays(3), this.service.id());
		assertThat(given.status()).as(given.toString()).isEqualTo(201);
		return customer;
	}

	private Api.Response schedule(Employee who, long customer, LocalDate due, Long assigneeId) {
		Map<String, Object> body = new HashMap<>();
		body.put("dueOn", due.toString());
		body.put("assigneeId", assigneeId);
		body.put("note", "回访采购部李经理");
		return this.api.post(this.company.token(who), "/api/v1/customers/" + customer + "/care-visits", body);
	}

	private long visits(long customer) {
		return this.jdbc.sql("select count(*) from care_visit where customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single();
	}

	private Instant accessEnds(long customer, Employee employee) {
		return this.jdbc.sql(
				"select expires_at from customer_member where customer_id = ? and employee_id = ? and removed_at is null")
			.params(customer, employee.id())
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private static LocalDate today() {
		return LocalDate.now(ZONE);
	}

}
