package dev.holdfast.offboarding;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
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
 * The company's own departure checklist (issue 15, item 3): a required item blocks
 * closing the case until someone holding its role ticks it; the departure at the last
 * working day never waits for it; others are refused as attackers would be; a retired
 * item leaves new cases and stays, with its tick, on the old ones.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyChecklistIntegrationTests {

	private static final String ITEMS = "/api/v1/offboarding/checklist-items";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LastWorkingDayJob job;

	Api api;

	TestData data;

	Company company;

	Employee hr;

	final List<Long> created = new ArrayList<>();

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = TestData.given(this.api, this.jdbc);
		this.company = this.data.company("华东区", "杭州销售一组", "华南区");
		this.hr = this.company.hr();
	}

	/** Items are the company's: none of this class stays in force for other tests. */
	@AfterAll
	void retireOurItems() {
		this.created.forEach(id -> this.api.post(this.data.adminToken(), ITEMS + "/" + id + "/retire", Map.of()));
	}

	@Test
	void aRequiredItemBlocksClosingTheCaseUntilItsRoleTicksIt() {
		long laptop = item("归还笔记本电脑", "HR", true);
		long interview = item("离职面谈", "SALES_MANAGER", false);
		Employee leaver = this.company.rep();
		long caseId = resign(leaver);
		String hrToken = this.data.token(this.hr);
		String managerToken = this.data.token(this.company.manager);

		JsonNode checklist = this.api.get(hrToken, "/api/v1/offboarding/" + caseId + "/checklist").body();
		assertThat(titles(checklist)).contains("归还笔记本电脑", "离职面谈");
		assertThat(check(checklist, laptop).get("tickedAt").isNull()).isTrue();
		assertThat(this.api.post(hrToken, close(caseId), Map.of()).text("error")).isEqualTo("not_departed");

		// the last working day ends: access ends whatever the checklist says
		this.job.runFor(TestData.today().plusDays(1));
		JsonNode departed = this.api.get(hrToken, "/api/v1/offboarding/" + caseId).body();
		assertThat(departed.get("status").asString()).isEqualTo("DEPARTED");
		assertThat(this.api.get(this.data.adminToken(), "/api/v1/employees/" + leaver.id())
			.body()
			.get("status")
			.asString()).isEqualTo("DEPARTED");
		assertThat(departed.get("closedAt").isNull()).isTrue();

		Api.Response blocked = this.api.post(hrToken, close(caseId), Map.of());
		assertThat(blocked.status()).isEqualTo(409);
		assertThat(blocked.text("error")).isEqualTo("checklist_incomplete");
		JsonNode missing = blocked.body().get("items");
		assertThat(missing).hasSize(1);
		assertThat(missing.get(0).get("itemId").asLong()).isEqualTo(laptop);
		assertThat(missing.get(0).get("title").asString()).isEqualTo("归还笔记本电脑");
		assertThat(missing.get(0).get("responsibleRole").asString()).isEqualTo("HR");

		// the case page refuses the same, naming the item where it stands (409)
		WebSession web = new WebSession(this.port);
		web.logIn(this.hr.username(), TestData.PASSWORD);
		HttpResponse<String> page = web.get("/offboarding/" + caseId + "?lang=zh_CN");
		assertThat(page.body()).contains("id=\"close-submit\"");
		HttpResponse<String> refused = web.post("/offboarding/" + caseId + "/close",
				Map.of("_csrf", WebSession.csrfToken(page)));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("id=\"checklist-error\"", "公司离职清单中仍有必需项未勾选", "结案前仍须完成此项");

		// the manager runs the case but does not hold HR: 403, and nothing is ticked
		assertThat(this.api.post(managerToken, tick(caseId, laptop), Map.of()).status()).isEqualTo(403);
		assertThat(this.api.post(managerToken, tick(caseId, interview), Map.of("note", "面谈已完成，无异议")).status())
			.isEqualTo(200);

		Api.Response ticked = this.api.post(hrToken, tick(caseId, laptop),
				Map.of("note", "已归还 ThinkPad X1，资产编号 HZ-0231"));
		assertThat(ticked.status()).isEqualTo(200);
		assertThat(ticked.body().get("tickedBy").asLong()).isEqualTo(this.hr.id());
		assertThat(ticked.body().get("tickedByName").asString()).isEqualTo("测试" + this.hr.username());
		assertThat(ticked.body().get("tickedAt").isNull()).isFalse();
		assertThat(audited("OFFBOARDING_CHECK_TICKED", caseId)).isEqualTo(2);

		Api.Response closed = this.api.post(hrToken, close(caseId), Map.of());
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.body().get("closedAt").isNull()).isFalse();
		assertThat(audited("OFFBOARDING_CASE_CLOSED", caseId)).isEqualTo(1);
		// a closed case keeps its checklist as it was
		assertThat(this.api.delete(hrToken, tick(caseId, laptop)).text("error")).isEqualTo("case_closed");
		assertThat(this.api.post(hrToken, close(caseId), Map.of()).text("error")).isEqualTo("case_closed");
		assertThat(
				check(this.api.get(hrToken, "/api/v1/offboarding/" + caseId + "/checklist").body(), laptop).get("note")
					.asString())
			.isEqualTo("已归还 ThinkPad X1，资产编号 HZ-0231");
	}

	@Test
	void whoMayNotTickOrCloseIsRefusedAndBadInputIs400() {
		long keys = item("交还门禁卡和钥匙", "HR", true);
		Employee leaver = this.company.rep();
		long caseId = resign(leaver);
		// another region's manager and rep don't see the case: the same 404 as for none
		for (Employee intruder : List.of(this.company.otherManager, this.company.outsider)) {
			String token = this.data.token(intruder);
			for (String[] call : List.of(new String[] { "POST", tick(caseId, keys) },
					new String[] { "DELETE", tick(caseId, keys) }, new String[] { "POST", close(caseId) },
					new String[] { "GET", "/api/v1/offboarding/" + caseId + "/checklist" })) {
				Api.Response refused = this.api.sendRaw(token, call[0], call[1], "{}");
				Api.Response none = this.api.sendRaw(token, call[0], call[1].replace("/" + caseId + "/", "/987654321/"),
						"{}");
				assertThat(refused.status()).as(call[1] + " by " + intruder.username()).isEqualTo(404);
				assertThat(refused.raw()).isEqualTo(none.raw());
			}
		}
		// the leaver sees the case, but never ticks their own checklist
		assertThat(this.api.post(this.data.token(leaver), tick(caseId, keys), Map.of()).status()).isEqualTo(403);
		String hrToken = this.data.token(this.hr);
		Api.Response tooLong = this.api.post(hrToken, tick(caseId, keys), Map.of("note", "钥".repeat(501)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.raw()).contains("note");
		assertThat(this.api.post(hrToken, tick(caseId, 987_654_321L), Map.of()).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from offboarding_checklist_tick where case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isZero();

		String admin = this.data.adminToken();
		assertThat(fields(this.api.post(admin, ITEMS, form("  ", "HR", true)))).containsKey("title");
		assertThat(fields(this.api.post(admin, ITEMS, form("长".repeat(101), "HR", true)))).containsKey("title");
		assertThat(fields(this.api.post(admin, ITEMS, form("交还工牌", "NO_SUCH_ROLE", true))))
			.containsKey("responsibleRole");
		// a plain rep's role sees no case: nobody holding it could ever tick the item
		assertThat(fields(this.api.post(admin, ITEMS, form("交还工牌", "SALES", true)))).containsKey("responsibleRole");
		Map<String, Object> badPosition = form("交还工牌", "HR", true);
		badPosition.put("position", -1);
		assertThat(fields(this.api.post(admin, ITEMS, badPosition))).containsKey("position");
		// defining items is the administrators' (offboarding.checklist)
		assertThat(this.api.post(hrToken, ITEMS, form("交还工牌", "HR", true)).status()).isEqualTo(403);
		assertThat(this.api.get(this.data.token(this.company.owner), ITEMS).status()).isEqualTo(403);
		assertThat(this.api.post(hrToken, ITEMS + "/" + keys + "/retire", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void aRetiredItemLeavesNewCasesAndStaysWithItsTickOnOldOnes() {
		long badge = item("交还工牌", "HR", true);
		long oldCase = resign(this.company.rep());
		String hrToken = this.data.token(this.hr);
		assertThat(this.api.post(hrToken, tick(oldCase, badge), Map.of()).status()).isEqualTo(200);

		JsonNode retired = this.api.post(this.data.adminToken(), ITEMS + "/" + badge + "/retire", Map.of()).body();
		assertThat(retired.get("retiredAt").isNull()).isFalse();
		long newCase = resign(this.company.rep());

		JsonNode fresh = this.api.get(hrToken, "/api/v1/offboarding/" + newCase + "/checklist").body();
		assertThat(ids(fresh)).doesNotContain(badge);
		assertThat(this.api.post(hrToken, tick(newCase, badge), Map.of()).status()).isEqualTo(404);
		JsonNode old = check(this.api.get(hrToken, "/api/v1/offboarding/" + oldCase + "/checklist").body(), badge);
		assertThat(old.get("retired").asBoolean()).isTrue();
		assertThat(old.get("tickedBy").asLong()).isEqualTo(this.hr.id());
		assertThat(this.api.delete(hrToken, tick(oldCase, badge)).text("error")).isEqualTo("item_retired");
		assertThat(this.api.get(this.data.adminToken(), ITEMS).raw()).contains("交还工牌");
	}

	@Test
	void theCasePageShowsTheChecklistAndARefusedNoteAgainAt422() {
		long device = item("归还工作手机", "HR", true);
		long caseId = resign(this.company.rep());
		WebSession web = new WebSession(this.port);
		web.logIn(this.hr.username(), TestData.PASSWORD);
		HttpResponse<String> page = web.get("/offboarding/" + caseId + "?lang=zh_CN");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("公司离职清单", "归还工作手机", "id=\"tick-" + device + "\"");
		String csrf = WebSession.csrfToken(page);
		HttpResponse<String> refused = web.post("/offboarding/" + caseId + "/checklist/" + device,
				Map.of("note", "机".repeat(501), "_csrf", csrf));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"error-note\"", "公司离职清单");
		HttpResponse<String> done = web.post("/offboarding/" + caseId + "/checklist/" + device,
				Map.of("note", "已交回 IT 部", "_csrf", csrf));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(web.get("/offboarding/" + caseId + "?lang=zh_CN").body()).contains("已交回 IT 部",
				"id=\"untick-" + device + "\"");
	}

	@Test
	void theAdminPageCreatesAnOptionalItemFromAnUntickedCheckbox() {
		WebSession web = adminSession();
		HttpResponse<String> page = web.get("/admin/offboarding-checklist?lang=zh_CN");
		assertThat(page.statusCode()).isEqualTo(200);
		// an unticked checkbox sends no "required" at all
		HttpResponse<String> created = web.post("/admin/offboarding-checklist", Map.of("title", "离职面谈（可选）",
				"responsibleRole", "HR", "position", "", "_csrf", WebSession.csrfToken(page)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		JsonNode interview = itemTitled("离职面谈（可选）");
		assertThat(interview.get("required").asBoolean()).isFalse();
	}

	/**
	 * Role walk: the page numbered the items from 0. It counts from 1, the number typed
	 * in as well as the one shown; the API keeps its 0-based position.
	 */
	@Test
	void theAdminPageNumbersItemsFromOne() {
		WebSession web = adminSession();
		HttpResponse<String> page = web.get("/admin/offboarding-checklist?lang=zh_CN");
		assertThat(page.body()).contains("1 到 10000");
		HttpResponse<String> zero = web.post("/admin/offboarding-checklist", Map.of("title", "归还门禁卡", "responsibleRole",
				"HR", "position", "0", "_csrf", WebSession.csrfToken(page)));
		assertThat(zero.statusCode()).isEqualTo(422);
		assertThat(zero.body()).contains("必须在 1 到 10000 之间");
		HttpResponse<String> created = web.post("/admin/offboarding-checklist", Map.of("title", "归还门禁卡",
				"responsibleRole", "HR", "position", "1", "_csrf", WebSession.csrfToken(page)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		JsonNode card = itemTitled("归还门禁卡");
		assertThat(card.get("position").asInt()).as("first place, 0 to the API").isZero();
		assertThat(web.get("/admin/offboarding-checklist?lang=zh_CN").body())
			.contains("id=\"item-position-" + card.get("id").asLong() + "\">1<");
	}

	private WebSession adminSession() {
		Employee admin = this.data.employee("checklist.admin", null, null, "ADMIN");
		WebSession web = new WebSession(this.port);
		web.logIn(admin.username(), TestData.PASSWORD);
		return web;
	}

	/** The item of this title as the API lists it, removed after the test. */
	private JsonNode itemTitled(String title) {
		JsonNode items = this.api.get(this.data.adminToken(), ITEMS).body();
		JsonNode found = null;
		for (JsonNode item : items) {
			if (title.equals(item.get("title").asText())) {
				found = item;
			}
		}
		assertThat(found).as(items.toString()).isNotNull();
		this.created.add(found.get("id").asLong());
		return found;
	}

	private long item(String title, String role, boolean required) {
		Api.Response created = this.api.post(this.data.adminToken(), ITEMS, form(title, role, required));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.created.add(created.id());
		return created.id();
	}

	private static Map<String, Object> form(String title, String role, boolean required) {
		Map<String, Object> form = new HashMap<>();
		form.put("title", title);
		form.put("responsibleRole", role);
		form.put("required", required);
		return form;
	}

	private long resign(Employee leaver) {
		Api.Response resigned = this.api.post(this.data.adminToken(),
				"/api/v1/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay", TestData.today().toString()));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(201);
		return resigned.id();
	}

	private long audited(String action, long caseId) {
		return this.jdbc.sql(
				"select count(*) from audit_event where action = ? and target_type = 'offboarding_case' and target_id = ?")
			.params(action, String.valueOf(caseId))
			.query(Long.class)
			.single();
	}

	private static String tick(long caseId, long itemId) {
		return "/api/v1/offboarding/" + caseId + "/checklist/" + itemId;
	}

	private static String close(long caseId) {
		return "/api/v1/offboarding/" + caseId + "/close";
	}

	private static List<String> titles(JsonNode checklist) {
		List<String> titles = new ArrayList<>();
		checklist.forEach(c -> titles.add(c.get("title").asString()));
		return titles;
	}

	private static List<Long> ids(JsonNode checklist) {
		List<Long> ids = new ArrayList<>();
		checklist.forEach(c -> ids.add(c.get("itemId").asLong()));
		return ids;
	}

	private static JsonNode check(JsonNode checklist, long itemId) {
		for (JsonNode c : checklist) {
			if (c.get("itemId").asLong() == itemId) {
				return c;
			}
		}
		throw new AssertionError("item " + itemId + " not on the checklist: " + checklist);
	}

	private static Map<String, String> fields(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		Map<String, String> fields = new HashMap<>();
		response.body().get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
		return fields;
	}

}
