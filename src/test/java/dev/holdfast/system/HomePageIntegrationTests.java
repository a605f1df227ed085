package dev.holdfast.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each person's start page is their day: the sections their permissions give them, each
 * item leading to where it is handled, empty sections saying so, nothing of anyone
 * else's, and no customer menu for those who have no work with customers (HR, auditors).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private Employee manager;

	private Employee lead;

	private Employee rep;

	private Employee otherRep;

	private Employee service;

	private Employee otherService;

	private Employee hr;

	private Employee auditor;

	private final String overdueName = TestData.unique("贵阳黔灵山茶叶") + "有限公司";

	private final String promisedName = TestData.unique("贵阳花溪米粉") + "有限公司";

	private final String othersName = TestData.unique("遵义赤水竹编") + "有限公司";

	private long overdue;

	private long visitId;

	private long exportId;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long region = this.data.department("西南大区", null);
		long team = this.data.department("贵阳销售组", region);
		long elsewhere = this.data.department("华北大区", null);
		this.manager = this.data.employee("hmgr", region, null, "SALES_MANAGER");
		this.lead = this.data.employee("hlead", team, this.manager.id(), "SALES_MANAGER");
		this.rep = this.data.employee("hrep", team, this.lead.id(), "SALES");
		this.otherRep = this.data.employee("hrep", elsewhere, null, "SALES");
		this.service = this.data.employee("hsvc", region, null, "SERVICE");
		this.otherService = this.data.employee("hsvc", elsewhere, null, "SERVICE");
		this.hr = this.data.employee("hhr", null, null, "HR");
		this.auditor = this.data.employee("haud", null, null, "AUDITOR");

		this.overdue = customer(this.rep, this.overdueName, Duration.ofDays(20));
		long promised = customer(this.rep, this.promisedName, Duration.ZERO);
		Map<String, Object> followUp = new HashMap<>();
		followUp.put("kind", "CALL");
		followUp.put("content", "电话沟通二季度采购计划，约好稍后再联系");
		followUp.put("nextContactAt", Instant.now().plusSeconds(60).toString());
		check(this.api.post(this.data.token(this.rep), "/api/v1/customers/" + promised + "/follow-ups", followUp), 201);
		customer(this.otherRep, this.othersName, Duration.ofDays(20));

		Map<String, Object> visit = new HashMap<>();
		visit.put("dueOn", LocalDate.now().plusDays(3).toString());
		visit.put("assigneeId", this.service.id());
		Api.Response scheduled = this.api.post(this.data.token(this.manager),
				"/api/v1/customers/" + this.overdue + "/care-visits", visit);
		check(scheduled, 201);
		this.visitId = scheduled.id();

		Api.Response export = this.api.post(this.data.token(this.lead), "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV", "unmasked", true, "filter", Map.of("q", "贵阳")));
		check(export, 202);
		this.exportId = export.id();
	}

	@Test
	void aRepSeesTheirOverdueAndPromisedCustomersAndNothingOfAnotherRep() {
		String page = home(this.rep);
		assertThat(page).contains("id=\"today-due\"", "id=\"today-next-contacts\"", "id=\"today-handover-tasks\"");
		assertThat(section(page, "today-due")).contains(this.overdueName)
			.contains("/customers/" + this.overdue + "/follow-ups")
			.doesNotContain(this.othersName);
		assertThat(section(page, "today-next-contacts")).contains(this.promisedName);
		assertThat(section(page, "today-handover-tasks")).contains("没有待您接手的交接客户");
		assertThat(page).doesNotContain("id=\"today-care-visits\"", "id=\"today-approvals\"", "id=\"today-alerts\"",
				"id=\"today-my-handover\"");
		assertThat(page).contains("id=\"nav-customers\"", "id=\"my-customers\"");

		String other = home(this.otherRep);
		assertThat(section(other, "today-due")).contains(this.othersName).doesNotContain(this.overdueName);
		assertThat(section(other, "today-next-contacts")).contains("今天没有约定的联系").doesNotContain(this.promisedName);
	}

	@Test
	void customerServiceSeesTheVisitsGivenToThemAndNotAnotherVisitorsVisits() {
		String page = home(this.service);
		assertThat(section(page, "today-care-visits")).contains(this.overdueName)
			.contains("/care-visits#visit-" + this.visitId);
		assertThat(page).doesNotContain("id=\"today-approvals\"", "id=\"today-alerts\"");
		assertThat(page).as("customer service owns no customers")
			.doesNotContain("id=\"my-customers\"", "id=\"today-due\"", "id=\"today-handover-tasks\"");
		assertThat(session(this.service).get("/notifications").body()).doesNotContain("id=\"notifications-reminders\"");
		assertThat(session(this.rep).get("/notifications").body()).contains("id=\"notifications-reminders\"");

		String other = home(this.otherService);
		assertThat(section(other, "today-care-visits")).contains("没有分派给您的回访").doesNotContain(this.overdueName);
	}

	@Test
	void aManagerSeesExportsWaitingForTheirApprovalAndAlertsOnlyAManagerWhoseScopeCoversTheRequester() {
		String page = home(this.manager);
		assertThat(section(page, "today-approvals")).contains("/exports#export-" + this.exportId);
		assertThat(page).contains("id=\"today-alerts\"");

		String requester = home(this.lead);
		assertThat(requester).doesNotContain("/exports#export-" + this.exportId);
		assertThat(section(requester, "today-approvals")).contains("没有等待您审批的事项");
	}

	@Test
	void aLeaverSeesTheKeyCustomersStillWithoutANoteAndOnlyTheirOwnCase() {
		Employee leaver = this.data.employee("hrep", null, this.manager.id(), "SALES");
		String name = TestData.unique("贵阳观山湖酒业") + "有限公司";
		long customer = customer(leaver, name, Duration.ZERO);
		Api.Response resigned = this.api.post(this.data.token(this.hr),
				"/api/v1/employees/" + leaver.id() + "/resignation", Map.of("noticeDate", TestData.today().toString(),
						"lastWorkingDay", TestData.today().plusDays(1).toString(), "reason", "个人原因"));
		check(resigned, 201);
		String page = home(leaver);
		assertThat(section(page, "today-my-handover")).contains(name)
			.contains("/offboarding/" + resigned.id() + "/notes/" + customer);
		assertThat(home(this.rep)).doesNotContain("id=\"today-my-handover\"").doesNotContain(name);
		assertThat(section(home(this.hr), "today-departures")).contains("/offboarding/" + resigned.id());
	}

	@Test
	void hrAndAuditorsHaveNoCustomerMenuAndOnlyTheirSections() {
		WebSession hrSession = session(this.hr);
		for (String path : new String[] { "/", "/offboarding", "/admin/employees" }) {
			String body = hrSession.get(path).body();
			assertThat(body).as(path).contains("id=\"main-nav\"").doesNotContain("id=\"nav-customers\"");
		}
		String hrHome = hrSession.get("/").body();
		assertThat(hrHome).contains("id=\"today-departures\"");
		assertThat(hrHome).doesNotContain("id=\"today-due\"", "id=\"today-care-visits\"", "id=\"today-approvals\"",
				"id=\"today-alerts\"", "id=\"my-customers\"", "href=\"/customers\"");
		String offboarding = hrSession.get("/offboarding").body();
		assertThat(offboarding).contains("id=\"start-resignation\"").contains("href=\"/admin/employees\"");
		assertThat(section(offboarding, "resignation-start")).contains("登记离职");

		WebSession auditorSession = session(this.auditor);
		for (String path : new String[] { "/", "/audit", "/risk" }) {
			assertThat(auditorSession.get(path).body()).as(path)
				.contains("id=\"main-nav\"")
				.doesNotContain("id=\"nav-customers\"");
		}
		String auditorHome = auditorSession.get("/").body();
		assertThat(auditorHome).contains("id=\"today-alerts\"")
			.doesNotContain("id=\"today-due\"", "id=\"today-approvals\"", "id=\"my-customers\"");
	}

	@Test
	void aManagersHomeCountsTheTeamsOverdueCustomersLikeTheRemindersPage() {
		String page = home(this.manager);
		java.util.regex.Matcher team = java.util.regex.Pattern.compile("您的团队：(\\d+) 个客户已逾期").matcher(page);
		assertThat(team.find()).as(section(page, "today-due")).isTrue();
		String reminders = session(this.manager).get("/reminders").body();
		long listed = java.util.regex.Pattern.compile("team-overdue-count\">(\\d+)<")
			.matcher(reminders)
			.results()
			.mapToLong(m -> Long.parseLong(m.group(1)))
			.sum();
		assertThat(Long.parseLong(team.group(1))).as("home and reminders agree").isEqualTo(listed).isPositive();
		assertThat(message("today.teamOverdue", Locale.ENGLISH, 0L)).isEqualTo("Your team: no customer overdue");
		assertThat(message("today.teamOverdue", Locale.ENGLISH, 1L)).isEqualTo("Your team: 1 customer overdue");
		assertThat(message("today.teamOverdue", Locale.ENGLISH, 12L)).isEqualTo("Your team: 12 customers overdue");
		assertThat(message("today.teamOverdue", Locale.SIMPLIFIED_CHINESE, 0L)).isEqualTo("您的团队中没有逾期客户");
		assertThat(home(this.rep)).as("a rep has no team").doesNotContain("id=\"today-team-overdue\"");
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private String home(Employee employee) {
		var response = session(employee).get("/");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The HTML of the section with the id, up to its end. */
	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("section " + id).isNotNegative();
		int end = page.indexOf("</section>", start);
		return page.substring(start, end < 0 ? page.length() : end);
	}

	private WebSession session(Employee employee) {
		WebSession session = new WebSession(this.port);
		session.logIn(employee.username(), TestData.PASSWORD);
		session.get("/?lang=zh_CN");
		return session;
	}

	private long customer(Employee owner, String name, Duration age) {
		Api.Response created = this.api.post(this.data.token(owner), "/api/v1/customers",
				Map.of("name", name, "kind", "COMPANY", "level", "A", "region", "贵州省贵阳市"));
		check(created, 201);
		if (!age.isZero()) {
			Timestamp then = Timestamp.from(Instant.now().minus(age));
			this.jdbc.sql("update customer set created_at = ? where id = ?").params(then, created.id()).update();
			this.jdbc.sql("update customer_owner_history set changed_at = ? where customer_id = ?")
				.params(then, created.id())
				.update();
		}
		return created.id();
	}

	private static void check(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
	}

}
