package dev.holdfast.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

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
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The post-departure watch (issue 15, item 1) with the watch's own clock: a rep departs;
 * over the following weeks three of their former customers get signals (a complaint, an
 * archive, a loss) and a risk alert is raised at the third; the watch ends after its term
 * (audited) and nothing is raised after it. And the list as attackers would try it: a rep
 * of another department, the other region's manager and the leaver themself see nothing.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostDepartureWatchIntegrationTests {

	private static final String WATCHES = "/api/v1/departure-watches/";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WatchEvaluation evaluation;

	Api api;

	TestData data;

	Company company;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = TestData.given(this.api, this.jdbc);
		this.company = this.data.company("华东区", "杭州销售二组", "华南区");
	}

	@Test
	void signalsOfThreeFormerCustomersRaiseAnAlertAndNothingIsRaisedAfterTheTerm() {
		Employee leaver = this.company.rep();
		List<Long> customers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			customers.add(this.data.customerOf(leaver, i < 4 ? "C" : "D"));
		}
		String leaverToken = this.data.token(leaver);
		depart(leaver);
		Instant departed = Instant.now();
		String manager = this.data.token(this.company.manager);

		assertThat(this.evaluation.runFor(leaver.id(), departed.plus(Duration.ofDays(1)))).isZero();
		LocalDate endsOn = this.jdbc.sql("select ends_on from departure_watch where employee_id = ?")
			.param(leaver.id())
			.query(LocalDate.class)
			.single();
		assertThat(endsOn).as("no agreement accepted: 24 months").isEqualTo(TestData.today().plusMonths(24));
		assertThat(watchedCustomers(leaver)).containsExactlyInAnyOrderElementsOf(customers);

		// week 1: a complaint
		TestData.check(this.api.post(manager, "/api/v1/customers/" + customers.get(0) + "/complaints",
				Map.of("summary", "新负责人不熟悉业务，服务跟不上", "severity", "HIGH", "channel", "PHONE")), 201);
		assertThat(this.evaluation.runFor(leaver.id(), departed.plus(Duration.ofDays(7)))).isLessThanOrEqualTo(1);
		assertThat(signalKinds(leaver)).containsExactly("COMPLAINT");
		assertThat(alerts(leaver)).isZero();

		// week 2: archived
		TestData.check(this.api.post(manager, "/api/v1/customers/" + customers.get(1) + "/archive", Map.of()), 200);
		assertThat(this.evaluation.runFor(leaver.id(), departed.plus(Duration.ofDays(14)))).isEqualTo(1);
		assertThat(alerts(leaver)).as("two customers are no cluster").isZero();

		// week 3: marked lost, the third customer: the alert
		long version = this.api.get(manager, "/api/v1/customers/" + customers.get(2)).body().get("version").asLong();
		TestData.check(this.api.patch(manager, "/api/v1/customers/" + customers.get(2),
				Map.of("status", "LOST", "version", version)), 200);
		assertThat(this.evaluation.runFor(leaver.id(), departed.plus(Duration.ofDays(21)))).isEqualTo(1);
		assertThat(signalKinds(leaver)).containsExactlyInAnyOrder("COMPLAINT", "ARCHIVED", "LOST");
		assertThat(alerts(leaver)).isOne();
		assertThat(this.api.get(manager, "/api/v1/risk/alerts").raw()).as("in the manager's risk alerts")
			.contains("POST_DEPARTURE_SIGNALS", "\"employeeId\":" + leaver.id());
		assertThat(this.evaluation.runFor(leaver.id(), departed.plus(Duration.ofDays(22))))
			.as("a signal is recorded once")
			.isZero();
		assertThat(alerts(leaver)).as("one alert per cluster").isOne();

		// the manager's list: former customers by current owner, named as the manager
		// sees them
		Api.Response details = this.api.get(manager, WATCHES + leaver.id());
		TestData.check(details, 200);
		JsonNode groups = details.body().get("owners");
		assertThat(groups).hasSize(1);
		assertThat(groups.get(0).get("ownerId").asLong()).isEqualTo(this.company.manager.id());
		assertThat(groups.get(0).get("customers")).hasSize(5);
		JsonNode first = groups.get(0).get("customers").get(0);
		String name = this.api.get(manager, "/api/v1/customers/" + first.get("customerId").asLong()).text("name");
		assertThat(first.get("name").asString()).as("named as the manager sees it").isEqualTo(name);
		assertThat(first.get("signals")).hasSize(1);
		Api.Response signals = this.api.get(manager, WATCHES + leaver.id() + "/signals");
		TestData.check(signals, 200);
		assertThat(signals.body()).hasSize(3);
		assertThat(this.api.get(manager, "/api/v1/departure-watches").raw()).contains("\"employeeId\":" + leaver.id());
		WebSession page = new WebSession(this.port);
		page.logIn(this.company.manager.username(), TestData.PASSWORD);
		assertThat(page.get("/watches/" + leaver.id()).body()).contains(name, "owner-group", "former-customer")
			.as("a complaint's text is care's, not the watch's")
			.doesNotContain("新负责人不熟悉业务");
		// role walk: names the manager sees link to the customer, with its level; the
		// signals counted in words
		String zh = page.get("/watches/" + leaver.id() + "?lang=zh_CN").body();
		assertThat(zh).contains("href=\"/customers/" + customers.get(0) + "\"", "C 级", "D 级", "1 个信号", "无信号")
			.doesNotContain("signal(s)");
		String en = page.get("/watches/" + leaver.id() + "?lang=en").body();
		assertThat(en).contains("Level C", "1 signal<", "No signals").doesNotContain("signal(s)");

		// attackers
		assertThat(this.api.get(this.data.token(this.company.outsider), WATCHES + leaver.id()).status())
			.as("a rep of another department")
			.isEqualTo(403);
		assertThat(this.api.get(this.data.token(this.company.colleague), WATCHES + leaver.id() + "/signals").status())
			.as("a rep of the same team")
			.isEqualTo(403);
		String otherManager = this.data.token(this.company.otherManager);
		assertThat(this.api.get(otherManager, WATCHES + leaver.id()).status()).as("another region's manager")
			.isEqualTo(404);
		assertThat(this.api.get(otherManager, WATCHES + leaver.id() + "/signals").status()).isEqualTo(404);
		assertThat(this.api.get(otherManager, "/api/v1/departure-watches").raw())
			.doesNotContain("\"employeeId\":" + leaver.id());
		assertThat(this.api.get(leaverToken, WATCHES + leaver.id()).status()).as("the leaver themself").isEqualTo(401);
		Employee auditor = this.data.employee("auditor", this.company.region, null, "AUDITOR");
		assertThat(this.api.get(this.data.token(auditor), WATCHES + leaver.id() + "/signals").status()).isEqualTo(200);
		// the auditor sees none of the customers: numbers, no links, no levels
		WebSession auditing = new WebSession(this.port);
		auditing.logIn(auditor.username(), TestData.PASSWORD);
		String audited = auditing.get("/watches/" + leaver.id() + "?lang=zh_CN").body();
		assertThat(audited).contains("#" + customers.get(0))
			.doesNotContain("href=\"/customers/" + customers.get(0) + "\"", "C 级", name);

		// the term ends: audited, and nothing is raised after it
		Instant afterTerm = endsOn.plusDays(1).atStartOfDay(TestData.ZONE).toInstant().plus(Duration.ofHours(1));
		assertThat(this.evaluation.runFor(leaver.id(), afterTerm)).isZero();
		assertThat(this.jdbc.sql("select status from departure_watch where employee_id = ?")
			.param(leaver.id())
			.query(String.class)
			.single()).isEqualTo("ENDED");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where action = 'DEPARTURE_WATCH_ENDED' and target_type = 'employee' and target_id = ?""")
			.param(String.valueOf(leaver.id()))
			.query(Long.class)
			.single()).isOne();
		TestData.check(this.api.post(manager, "/api/v1/customers/" + customers.get(3) + "/complaints",
				Map.of("summary", "期满后的投诉", "severity", "LOW", "channel", "EMAIL")), 201);
		this.api.post(manager, "/api/v1/customers/" + customers.get(4) + "/archive", Map.of());
		assertThat(this.evaluation.runFor(leaver.id(), afterTerm.plus(Duration.ofDays(40)))).isZero();
		assertThat(signalKinds(leaver)).containsExactlyInAnyOrder("COMPLAINT", "ARCHIVED", "LOST");
		assertThat(alerts(leaver)).isOne();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where action = 'DEPARTURE_WATCH_ENDED' and target_type = 'employee' and target_id = ?""")
			.param(String.valueOf(leaver.id()))
			.query(Long.class)
			.single()).as("the end is audited once").isOne();
	}

	private void depart(Employee leaver) {
		String admin = this.data.adminToken();
		Api.Response resigned = this.api.post(admin, "/api/v1/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay", TestData.today().toString()));
		TestData.check(resigned, 201);
		TestData.check(
				this.api.post(admin, "/api/v1/offboarding/" + resigned.id() + "/terminate", Map.of("reason", "违反保密规定")),
				200);
		this.data.watchStarted(leaver);
	}

	private List<Long> watchedCustomers(Employee leaver) {
		return this.jdbc.sql("select customer_id from departure_watch_customer where employee_id = ?")
			.param(leaver.id())
			.query(Long.class)
			.list();
	}

	private List<String> signalKinds(Employee leaver) {
		return this.jdbc.sql("select kind from departure_watch_signal where employee_id = ?")
			.param(leaver.id())
			.query(String.class)
			.list();
	}

	private long alerts(Employee leaver) {
		return this.jdbc.sql("""
				select count(*) from risk_alert where employee_id = ? and indicator = 'POST_DEPARTURE_SIGNALS'""")
			.param(leaver.id())
			.query(Long.class)
			.single();
	}

}
