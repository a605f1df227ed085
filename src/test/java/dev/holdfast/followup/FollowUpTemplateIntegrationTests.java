package dev.holdfast.followup;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up templates: the most specific active one applies, its required fields are
 * enforced by the API and the form, values are checked by type and kept with the
 * template's version. Templates here are for OTHER follow-ups and level-D customers, and
 * are archived after each test, so that other tests' follow-ups need no fields.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpTemplateIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private TestData data;

	private Employee rep;

	private String token;

	private long customerD;

	private long customerC;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		long dept = this.data.department("苏州销售部", null);
		this.rep = this.data.employee("rep", dept, null, "SALES");
		this.token = this.data.token(this.rep);
		this.customerD = customer("D");
		this.customerC = customer("C");
	}

	@AfterEach
	void archiveTemplates() {
		this.jdbc.sql("update follow_up_template set archived_at = now() where archived_at is null").update();
	}

	private long customer(String level) {
		return this.api
			.post(this.token, "/api/v1/customers",
					Map.of("name", TestData.unique("苏州园林建材") + "有限公司", "kind", "COMPANY", "level", level))
			.id();
	}

	private static Map<String, Object> field(String key, String type, boolean required, List<String> options) {
		Map<String, Object> field = new HashMap<>();
		field.put("key", key);
		field.put("labelZh", "字段" + key);
		field.put("labelEn", "Field " + key);
		field.put("type", type);
		field.put("required", required);
		field.put("options", options);
		return field;
	}

	private long template(String name, String kind, String level, List<Map<String, Object>> fields) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("kind", kind);
		body.put("level", level);
		body.put("fields", fields);
		Api.Response created = this.api.post(this.data.adminToken(), "/api/v1/follow-up-templates", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private List<Map<String, Object>> visitFields() {
		return List.of(field("participants", "TEXT", true, null), field("needs", "TEXTAREA", false, null),
				field("budget", "NUMBER", false, null), field("stage", "CHOICE", true, List.of("初次接触", "方案", "报价")),
				field("nextContactAt", "DATE", false, null));
	}

	private Api.Response record(long customer, String kind, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>();
		body.put("kind", kind);
		body.put("content", "客户来访，谈了合作");
		body.put("fields", fields);
		return this.api.post(this.token, "/api/v1/customers/" + customer + "/follow-ups", body);
	}

	@Test
	void theApiRefusesMissingAndMistypedFieldsOneByOne() {
		template("来访记录", "OTHER", null, visitFields());
		long customer = customer("C");

		Api.Response missing = record(customer, "OTHER", null);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("fields").propertyNames()).containsExactlyInAnyOrder("fields.participants",
				"fields.stage");

		Api.Response wrong = record(customer, "OTHER",
				Map.of("participants", "王总", "stage", "成交", "budget", "很多", "nextContactAt", "下周", "color", "红"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body().get("fields").propertyNames()).containsExactlyInAnyOrder("fields.stage",
				"fields.budget", "fields.nextContactAt", "fields.color");
		assertThat(this.jdbc.sql("select count(*) from follow_up where customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single()).as("nothing stored").isZero();
	}

	@Test
	void valuesAreKeptWithTheTemplateVersionAndTheDateFieldSetsTheNextContact() {
		long id = template("来访记录", "OTHER", null, visitFields());
		Api.Response created = record(this.customerC, "OTHER",
				Map.of("participants", "王总、李经理", "stage", "方案", "budget", "120000.50", "nextContactAt", "2031-05-06"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.body().get("fields").get("templateId").asLong()).isEqualTo(id);
		assertThat(created.body().get("fields").get("templateVersion").asInt()).isEqualTo(1);
		assertThat(created.text("nextContactAt"))
			.isEqualTo(LocalDate.of(2031, 5, 6).atTime(9, 0).atZone(TestData.ZONE).toInstant().toString());

		Map<String, Object> changed = new HashMap<>();
		changed.put("name", "来访记录 v2");
		changed.put("kind", "OTHER");
		changed.put("fields", List.of(field("participants", "TEXT", true, null)));
		Api.Response updated = this.api.put(this.data.adminToken(), "/api/v1/follow-up-templates/" + id, changed);
		assertThat(updated.body().get("version").asInt()).isEqualTo(2);

		Api.Response timeline = this.api.get(this.token, "/api/v1/customers/" + this.customerC + "/follow-ups");
		var fields = timeline.body().get("items").get(0).get("fields");
		assertThat(fields.get("templateVersion").asInt()).as("entered with version 1").isEqualTo(1);
		assertThat(fields.get("values").get(0).get("key").asString()).isEqualTo("participants");
		assertThat(fields.get("values").get(0).get("value").asString()).isEqualTo("王总、李经理");
		assertThat(fields.get("values").get(1).get("key").asString()).as("in form order").isEqualTo("budget");
	}

	@Test
	void theMostSpecificActiveTemplateApplies() {
		template("D 级客户", null, "D", List.of(field("levelOnly", "TEXT", true, null)));
		template("其他方式", "OTHER", null, List.of(field("kindOnly", "TEXT", true, null)));
		long both = template("D 级其他方式", "OTHER", "D", List.of(field("both", "TEXT", true, null)));

		assertThat(applicable(this.customerD, "OTHER")).isEqualTo("D 级其他方式");
		assertThat(applicable(this.customerC, "OTHER")).isEqualTo("其他方式");
		assertThat(applicable(this.customerD, "CALL")).isEqualTo("D 级客户");
		assertThat(this.api
			.get(this.token, "/api/v1/follow-up-templates/applicable?kind=CALL&customerId=" + this.customerC)
			.status()).isEqualTo(204);
		assertThat(record(this.customerD, "OTHER", Map.of("both", "是")).status()).isEqualTo(201);
		assertThat(record(this.customerD, "OTHER", Map.of("kindOnly", "是")).status()).isEqualTo(400);

		assertThat(this.api.post(this.data.adminToken(), "/api/v1/follow-up-templates/" + both + "/archive", null)
			.status()).isEqualTo(200);
		assertThat(applicable(this.customerD, "OTHER")).isEqualTo("其他方式");
	}

	@Test
	void oneActiveTemplatePerTargetAndOnlyAdministratorsChangeThem() {
		template("其他方式", "OTHER", null, List.of());
		Map<String, Object> again = Map.of("name", "重复", "kind", "OTHER", "fields", List.of());
		assertThat(this.api.post(this.data.adminToken(), "/api/v1/follow-up-templates", again).status()).isEqualTo(409);
		assertThat(this.api.post(this.token, "/api/v1/follow-up-templates", again).status()).isEqualTo(403);
		Map<String, Object> noTarget = Map.of("name", "无目标", "fields", List.of());
		Api.Response refused = this.api.post(this.data.adminToken(), "/api/v1/follow-up-templates", noTarget);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("fields").has("kind")).isTrue();
		assertThat(this.api.get(this.token, "/api/v1/follow-up-templates").status()).isEqualTo(200);
	}

	@Test
	void theFormShowsTheFieldsAndRefusesAMissingRequiredOne() {
		template("来访记录", "OTHER", null, visitFields());
		long customer = customer("C");
		WebSession web = new WebSession(this.port);
		web.logIn(this.rep.username(), TestData.PASSWORD);
		HttpResponse<String> fields = web.get("/customers/" + customer + "/follow-ups/fields?kind=OTHER");
		assertThat(fields.statusCode()).isEqualTo(200);
		assertThat(fields.body()).contains("name=\"fields[participants]\"").contains("初次接触");
		String csrf = WebSession.csrfToken(web.get("/"));

		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", csrf);
		form.put("kind", "OTHER");
		form.put("content", "客户来访");
		form.put("fields[stage]", "报价");
		HttpResponse<String> refused = web.post("/customers/" + customer + "/follow-ups", form);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"field-participants\"").contains("is-invalid").contains("报价");

		form.put("fields[participants]", "张总");
		HttpResponse<String> recorded = web.post("/customers/" + customer + "/follow-ups", form);
		assertThat(recorded.statusCode()).isEqualTo(302);
		String stored = this.jdbc.sql("select fields->>'participants' from follow_up where customer_id = ?")
			.param(customer)
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo("张总");
	}

	/**
	 * Issue 12, item 7: an unknown field type is a message at that row's type, in the
	 * reader's language, not a generic English sentence about the form.
	 */
	@Test
	void anUnknownFieldTypeIsRefusedAtItsRowInTheReadersLanguage() {
		WebSession web = new WebSession(this.port);
		web.logIn("admin", TestData.ADMIN_PASSWORD);
		String csrf = WebSession.csrfToken(web.get("/admin/follow-up-templates?lang=zh_CN"));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", csrf);
		form.put("name", "未知类型模板");
		form.put("kind", "VISIT");
		form.put("field[0].key", "budget");
		form.put("field[0].labelZh", "预算");
		form.put("field[0].labelEn", "Budget");
		form.put("field[0].type", "BOGUS");
		HttpResponse<String> chinese = web.post("/admin/follow-up-templates", form);
		assertThat(chinese.statusCode()).isEqualTo(422);
		assertThat(chinese.body()).contains("id=\"error-field[0].type\"", "格式不正确", "预算")
			.doesNotContain("has a value of the wrong type");
		web.get("/admin/follow-up-templates?lang=en");
		HttpResponse<String> english = web.post("/admin/follow-up-templates", form);
		assertThat(english.statusCode()).isEqualTo(422);
		assertThat(english.body()).contains("id=\"error-field[0].type\"", "has a value of the wrong type or format");
	}

	@Test
	void theAdministratorEditsTemplatesOnTheirPage() {
		WebSession web = new WebSession(this.port);
		web.logIn("admin", TestData.ADMIN_PASSWORD);
		String csrf = WebSession.csrfToken(web.get("/admin/follow-up-templates"));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", csrf);
		form.put("name", "网页模板");
		form.put("kind", "OTHER");
		form.put("level", "");
		form.put("field[0].key", "stage");
		form.put("field[0].labelZh", "阶段");
		form.put("field[0].labelEn", "Stage");
		form.put("field[0].type", "CHOICE");
		form.put("field[0].options", "");
		HttpResponse<String> refused = web.post("/admin/follow-up-templates", form);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("error-field[0].options");

		form.put("field[0].options", "初次接触\n报价");
		form.put("field[0].required", "true");
		assertThat(web.post("/admin/follow-up-templates", form).statusCode()).isEqualTo(302);
		assertThat(applicable(this.customerC, "OTHER")).isEqualTo("网页模板");
		assertThat(web.get("/admin/follow-up-templates").body()).contains("网页模板");

		WebSession repWeb = new WebSession(this.port);
		repWeb.logIn(this.rep.username(), TestData.PASSWORD);
		assertThat(repWeb.get("/admin/follow-up-templates").statusCode()).isEqualTo(403);
	}

	private String applicable(long customer, String kind) {
		Api.Response found = this.api.get(this.token,
				"/api/v1/follow-up-templates/applicable?kind=" + kind + "&customerId=" + customer);
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		return found.text("name");
	}

}
