package dev.holdfast.offboarding;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handover that keeps what the leaver knows, tested as an attacker would: the handover
 * refuses key customers without a note until someone accepts that (and the trail says
 * who), the leaver writes notes after the handover for their own handed-over customers
 * only and only until the last day, a note opens no door to the customer, and the new
 * owner sees a note that arrives late.
 */
@HoldfastIntegrationTest
class HandoverKnowledgeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	Employee manager;

	Employee leaver;

	Employee colleague;

	String managerToken;

	String leaverToken;

	long caseId;

	long keyA;

	long keyB;

	long small;

	String nameA;

	String nameB;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long team = this.data.department("成都销售一组", null);
		this.manager = this.data.employee("mgr", team, null, "SALES_MANAGER");
		this.leaver = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.colleague = this.data.employee("rep", team, this.manager.id(), "SALES");
		this.managerToken = this.data.token(this.manager);
		this.leaverToken = this.data.token(this.leaver);
		this.nameA = TestData.unique("成都锦江酒业") + "有限公司";
		this.nameB = TestData.unique("四川天府粮油") + "有限公司";
		this.keyA = customer(this.leaverToken, this.nameA, "A");
		this.keyB = customer(this.leaverToken, this.nameB, "B");
		this.small = customer(this.leaverToken, TestData.unique("绵阳小五金") + "商行", "C");
		this.caseId = resign(this.leaver, LocalDate.now().plusDays(10), null).id();
		// everything goes to the colleague, whatever the plan proposed
		assertThat(this.api.patch(this.managerToken, "/api/v1/offboarding/" + this.caseId + "/plan",
				List.of(Map.of("customerId", this.keyA, "newOwnerId", this.colleague.id()),
						Map.of("customerId", this.keyB, "newOwnerId", this.colleague.id()),
						Map.of("customerId", this.small, "newOwnerId", this.colleague.id())))
			.status()).isEqualTo(200);
	}

	@Test
	void aHandoverWithKeyCustomersWithoutNotesNeedsAnAcceptanceThatTheTrailRecords() {
		Api.Response refused = handover(this.managerToken, Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("error").asString()).isEqualTo("handover_notes_missing");
		assertThat(ids(refused.body().get("customers"))).containsExactly(this.keyA, this.keyB);
		assertThat(refused.raw()).contains(this.nameA, this.nameB);
		assertThat(handover(this.managerToken, Map.of("acceptMissingNotes", false)).status()).isEqualTo(409);
		assertThat(handover(this.managerToken, null).status()).isEqualTo(409);
		// refused means nothing moved
		assertThat(owner(this.keyA)).isEqualTo(this.leaver.id());
		assertThat(owner(this.small)).isEqualTo(this.leaver.id());

		// a note for one of them: the other is still named
		assertThat(writeNote(this.leaverToken, this.keyA, "采购部刘经理拍板，每月初对账").status()).isEqualTo(200);
		assertThat(ids(handover(this.managerToken, Map.of()).body().get("customers"))).containsExactly(this.keyB);

		Api.Response accepted = handover(this.managerToken, Map.of("acceptMissingNotes", true));
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		assertThat(accepted.body().get("reassigned").asInt()).isEqualTo(3);
		assertThat(owner(this.keyB)).isEqualTo(this.colleague.id());
		String started = this.jdbc
			.sql("select details from audit_event where action = 'HANDOVER_STARTED' and target_id = ? and actor_id = ?")
			.params(String.valueOf(this.caseId), this.manager.id())
			.query(String.class)
			.single();
		assertThat(started).contains("\"missingNotesAccepted\":1").contains(String.valueOf(this.keyB));
	}

	@Test
	void theLeaverWritesNotesAfterTheHandoverForTheirOwnCustomersOnlyAndUntilTheLastDay() {
		assertThat(handover(this.managerToken, Map.of("acceptMissingNotes", true)).status()).isEqualTo(200);
		assertThat(owner(this.keyA)).isEqualTo(this.colleague.id());
		String colleagueToken = this.data.token(this.colleague);
		JsonNode before = task(colleagueToken, this.keyA);
		assertThat(before.get("note").isNull()).isTrue();
		assertThat(before.get("notesUntil").asString()).isEqualTo(LocalDate.now().plusDays(10).toString());

		// the banner asks, and links to where the notes are written
		WebSession leaverSession = session(this.leaver);
		String home = leaverSession.get("/").body();
		assertThat(home).contains("id=\"notice-banner-notes\"")
			.contains("/offboarding/" + this.caseId + "/notes/" + this.keyA)
			.contains("还有 3 个客户需要您写交接说明");

		// written after the handover, by the leaver who no longer owns the customer
		HttpResponse<String> notePage = leaverSession.get("/offboarding/" + this.caseId + "/notes/" + this.keyA);
		assertThat(notePage.statusCode()).isEqualTo(200);
		assertThat(notePage.body()).contains("id=\"note-submit\"");
		HttpResponse<String> saved = leaverSession.post("/offboarding/" + this.caseId + "/notes/" + this.keyA,
				Map.of("keyContacts", "采购部刘经理 拍板人", "promises", "年底前给九五折", "_csrf", WebSession.csrfToken(notePage)));
		assertThat(saved.statusCode()).isEqualTo(302);
		// the new owner sees it on the task and the customer page
		assertThat(task(colleagueToken, this.keyA).get("note").get("promises").asString()).isEqualTo("年底前给九五折");
		WebSession colleagueSession = session(this.colleague);
		String tasks = colleagueSession.get("/handover-tasks").body();
		assertThat(tasks).contains("年底前给九五折").contains("还没有交接说明").doesNotContain("离职人员没有为这个客户写交接说明");
		assertThat(colleagueSession.get("/customers/" + this.keyA + "/handover-notes").body()).contains("年底前给九五折");

		// the note opens no door to the customer
		assertThat(this.api.get(this.leaverToken, "/api/v1/customers/" + this.keyA).status()).isEqualTo(404);
		assertThat(this.api.get(this.leaverToken, "/api/v1/customers/" + this.keyA + "/contacts").status())
			.isEqualTo(404);
		assertThat(leaverSession.get("/customers/" + this.keyA).statusCode()).isEqualTo(404);
		assertThat(leaverSession.get("/customers/" + this.keyA + "/handover-notes").statusCode()).isEqualTo(404);
		assertThat(this.api
			.post(this.leaverToken, "/api/v1/customers/" + this.keyA + "/follow-ups",
					Map.of("kind", "CALL", "content", "借交接说明之名继续联系客户"))
			.status()).isEqualTo(404);

		// only customers of their own plan
		Employee otherRep = this.data.employee("rep", null, this.manager.id(), "SALES");
		long notTheirs = customer(this.data.token(otherRep), TestData.unique("德阳重机") + "有限公司", "A");
		assertThat(writeNote(this.leaverToken, notTheirs, "想看看别人的客户").status()).isEqualTo(404);
		// another leaver and an outsider see no case at all
		Employee otherLeaver = this.data.employee("rep", null, this.manager.id(), "SALES");
		resign(otherLeaver, LocalDate.now().plusDays(20), this.manager.id());
		assertThat(writeNote(this.data.token(otherLeaver), this.keyB, "冒名写说明").status()).isEqualTo(404);
		Employee outsider = this.data.employee("rep", this.data.department("西北区", null), null, "SALES");
		assertThat(writeNote(this.data.token(outsider), this.keyB, "冒名写说明").status()).isEqualTo(404);
		assertThat(this.api.get(this.data.token(outsider), "/api/v1/offboarding/" + this.caseId + "/notes/" + this.keyA)
			.status()).isEqualTo(404);

		// all written: the banner no longer asks
		assertThat(writeNote(this.leaverToken, this.keyB, "财务周总管付款").status()).isEqualTo(200);
		assertThat(writeNote(this.leaverToken, this.small, "老客户，按月订货").status()).isEqualTo(200);
		assertThat(leaverSession.get("/").body()).contains("id=\"notice-banner\"")
			.doesNotContain("id=\"notice-banner-notes\"")
			.doesNotContain("写交接说明");

		// after the last working day (before the departure job has run) writing is
		// refused
		this.jdbc.sql("update offboarding_case set notice_date = ?, last_working_day = ? where id = ?")
			.params(java.sql.Date.valueOf(LocalDate.now().minusDays(3)),
					java.sql.Date.valueOf(LocalDate.now().minusDays(2)), this.caseId)
			.update();
		Api.Response late = writeNote(this.leaverToken, this.keyB, "离职后再改说明");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.body().get("error").asString()).isEqualTo("notes_closed");
		// nobody writes for the leaver, before or after (see
		// HandoverNoteVersionsIntegrationTests)
		assertThat(writeNote(this.managerToken, this.keyB, "经理代写").status()).isEqualTo(403);
		assertThat(task(colleagueToken, this.keyB).get("notesUntil").isNull()).isTrue();
		assertThat(task(colleagueToken, this.keyB).get("note").get("keyContacts").asString()).isEqualTo("财务周总管付款");
	}

	@Test
	void onlyActiveEmployeesWhoMayOwnCustomersCanTakeThemOver() {
		Employee hr = this.data.employee("hr", null, null, "HR");
		Employee auditor = this.data.employee("audit", null, null, "AUDITOR");
		Employee service = this.data.employee("service", null, null, "SERVICE");
		Employee serving = this.data.employee("rep", null, this.manager.id(), "SALES");
		resign(serving, LocalDate.now().plusDays(30), this.manager.id());
		for (Employee refused : List.of(hr, auditor, service, serving, this.leaver)) {
			Api.Response edit = this.api.patch(this.managerToken, "/api/v1/offboarding/" + this.caseId + "/plan",
					List.of(Map.of("customerId", this.keyA, "newOwnerId", refused.id())));
			assertThat(edit.status()).as(refused.username()).isEqualTo(400);
		}
		// nor as the manager of a case, who gets what is left on the last day
		Employee another = this.data.employee("rep", null, this.manager.id(), "SALES");
		for (Employee refused : List.of(hr, auditor, service, serving)) {
			Api.Response resigned = this.api.post(this.data.adminToken(),
					"/api/v1/employees/" + another.id() + "/resignation",
					Map.of("noticeDate", LocalDate.now().toString(), "lastWorkingDay",
							LocalDate.now().plusDays(5).toString(), "managerId", refused.id()));
			assertThat(resigned.status()).as(refused.username()).isEqualTo(400);
		}
		// nor by a transfer while employed
		long own = customer(this.managerToken, TestData.unique("乐山茶叶") + "有限公司", "B");
		for (Employee refused : List.of(hr, auditor, service)) {
			assertThat(this.api
				.post(this.managerToken, "/api/v1/customers/" + own + "/transfer", Map.of("newOwnerId", refused.id()))
				.status()).as(refused.username()).isEqualTo(400);
		}
		assertThat(owner(own)).isEqualTo(this.manager.id());

		// the pickers offer exactly whom the server accepts
		WebSession managerSession = session(this.manager);
		String casePage = managerSession.get("/offboarding/" + this.caseId).body();
		assertThat(casePage).contains("value=\"" + this.colleague.id() + "\"");
		String customerList = managerSession.get("/customers").body();
		for (Employee hidden : List.of(hr, auditor, service, serving)) {
			assertThat(casePage).as(hidden.username()).doesNotContain("value=\"" + hidden.id() + "\"");
			assertThat(customerList).as(hidden.username()).doesNotContain("value=\"" + hidden.id() + "\"");
		}
		WebSession hrSession = session(hr);
		String resignationForm = hrSession.get("/admin/employees/" + another.id() + "/resignation").body();
		assertThat(resignationForm).contains("value=\"" + this.manager.id() + "\"");
		for (Employee hidden : List.of(hr, auditor, service, serving)) {
			assertThat(resignationForm).as(hidden.username()).doesNotContain("value=\"" + hidden.id() + "\"");
		}
	}

	@Test
	void theCasePageConfirmsByNameAndThenSwapsInThePlanInItsNewState() {
		WebSession managerSession = session(this.manager);
		String path = "/offboarding/" + this.caseId;
		HttpResponse<String> page = managerSession.get(path);
		// no script-only question: the server asks
		assertThat(page.body()).contains("id=\"handover-form\"").doesNotContain("data-confirm=\"现在把计划");
		String csrf = WebSession.csrfToken(page);
		HttpResponse<String> asked = managerSession.post(path + "/handover", Map.of("_csrf", csrf), "HX-Request",
				"true");
		assertThat(asked.statusCode()).isEqualTo(409);
		assertThat(asked.body()).contains("id=\"handover-confirm\"")
			.contains(this.nameA, this.nameB)
			.contains("2 个重点客户")
			.contains("仍然执行交接")
			.contains("id=\"handover-cancel\"")
			.contains("name=\"acceptMissingNotes\" value=\"true\"");
		assertThat(owner(this.keyA)).isEqualTo(this.leaver.id());
		// without htmx: a page with the same question
		HttpResponse<String> plain = managerSession.post(path + "/handover", Map.of("_csrf", csrf));
		assertThat(plain.statusCode()).isEqualTo(409);
		assertThat(plain.body()).contains("id=\"handover-confirm\"").contains(this.nameB).contains("<html");

		HttpResponse<String> done = managerSession.post(path + "/handover",
				Map.of("_csrf", csrf, "acceptMissingNotes", "true"), "HX-Request", "true");
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("id=\"handover-done\"")
			.contains("id=\"plan\"")
			.contains("id=\"checklist\"")
			.contains("id=\"case-status\"")
			.contains("hx-swap-oob=\"true\"")
			.doesNotContain("<html");
		String plan = done.body().substring(done.body().indexOf("id=\"plan\""));
		assertThat(plan).contains("已交接").doesNotContain("owner-select");
		assertThat(owner(this.keyA)).isEqualTo(this.colleague.id());
	}

	/**
	 * The case page's forms answer bad input at their fields: the bulk form without a new
	 * owner is shown again open with the message at the field (not a flash line), and a
	 * handover sent with an empty page number still gets its confirmation (was a bare 409
	 * page).
	 */
	@Test
	void theCasePageFormsAnswerBadInputAtTheirFields() {
		WebSession managerSession = session(this.manager);
		String path = "/offboarding/" + this.caseId;
		HttpResponse<String> page = managerSession.get(path + "?page=");
		assertThat(page.statusCode()).isEqualTo(200);
		String csrf = WebSession.csrfToken(page);

		HttpResponse<String> bulk = managerSession.post(path + "/plan",
				Map.of("level", "A", "newOwnerId", "", "_csrf", csrf));
		assertThat(bulk.statusCode()).isEqualTo(422);
		assertThat(bulk.body()).contains("id=\"error-newOwnerId\"")
			.containsPattern("<details[^>]*id=\"bulk\"[^>]*open")
			.containsPattern("<option value=\"A\"\\s+selected")
			.doesNotContain("id=\"flash-error\"");

		HttpResponse<String> asked = managerSession.post(path + "/handover?page=&level=", Map.of("_csrf", csrf));
		assertThat(asked.statusCode()).isEqualTo(409);
		assertThat(asked.body()).contains("id=\"handover-confirm\"").contains(this.nameA);
		assertThat(owner(this.keyA)).isEqualTo(this.leaver.id());
	}

	private Api.Response handover(String token, Object body) {
		return this.api.post(token, "/api/v1/offboarding/" + this.caseId + "/handover", body);
	}

	private Api.Response writeNote(String token, long customerId, String keyContacts) {
		return this.api.put(token, "/api/v1/offboarding/" + this.caseId + "/notes/" + customerId,
				Map.of("keyContacts", keyContacts));
	}

	private JsonNode task(String token, long customerId) {
		for (JsonNode task : this.api.get(token, "/api/v1/handover-tasks").body()) {
			if (task.get("customerId").asLong() == customerId) {
				return task;
			}
		}
		throw new AssertionError("no task for customer " + customerId);
	}

	private long customer(String token, String name, String level) {
		Api.Response created = this.api.post(token, "/api/v1/customers",
				Map.of("name", name, "kind", "COMPANY", "level", level, "region", "四川省成都市"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.id();
	}

	private Api.Response resign(Employee employee, LocalDate lastDay, Long managerId) {
		Map<String, Object> form = new java.util.HashMap<>(
				Map.of("noticeDate", LocalDate.now().toString(), "lastWorkingDay", lastDay.toString()));
		if (managerId != null) {
			form.put("managerId", managerId);
		}
		Api.Response resigned = this.api.post(this.data.adminToken(),
				"/api/v1/employees/" + employee.id() + "/resignation", form);
		assertThat(resigned.status()).as(resigned.raw()).isEqualTo(201);
		return resigned;
	}

	private long owner(long customerId) {
		return this.jdbc.sql("select owner_id from customer where id = ?").param(customerId).query(Long.class).single();
	}

	private static List<Long> ids(JsonNode customers) {
		List<Long> ids = new ArrayList<>();
		customers.forEach(c -> ids.add(c.get("customerId").asLong()));
		return ids;
	}

	private WebSession session(Employee employee) {
		WebSession session = new WebSession(this.port);
		assertThat(session.logIn(employee.username(), TestData.PASSWORD).statusCode()).isEqualTo(302);
		session.get("/?lang=zh_CN");
		return session;
	}

}
