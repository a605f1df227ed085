package dev.holdfast.agreement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HR's view: who has and hasn't accepted, by department; the terms that bind a leaver
 * after the last working day, on the offboarding case; the reminder before they end.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementAdminIntegrationTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	TermReminders reminders;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void hrSeesWhoHasAndHasNotAcceptedByDepartment() {
		Company company = TestData.given(this.api).company("华东销售部", "华东销售一组", "华南销售部");
		String role = company.data.agreementRole();
		TestData.Employee clerk = company.hr();
		TestData.Employee signed = company.rep(role);
		TestData.Employee unsigned = company.rep(role);
		long otherDepartment = company.data.department("华南销售部", null);
		TestData.Employee elsewhere = company.data.employee("rep", otherDepartment, null, "SALES", role);
		long agreement = company.data.agreement(clerk, "杭州", role);
		long version = company.data.publish(clerk, agreement, 14, null);
		this.api.post(company.data.token(signed), "/api/v1/me/agreements/" + version + "/accept", null);
		String hr = company.token(clerk);
		String base = "/api/v1/agreements/" + agreement + "/acceptances";

		assertThat(ids(this.api.get(hr, base + "?status=accepted"))).containsExactly(signed.id());
		assertThat(ids(this.api.get(hr, base + "?status=pending"))).containsExactlyInAnyOrder(unsigned.id(),
				elsewhere.id());
		assertThat(ids(this.api.get(hr, base + "?status=pending&departmentId=" + otherDepartment)))
			.containsExactly(elsewhere.id());
		assertThat(ids(this.api.get(hr, base))).hasSize(3);
		assertThat(ids(this.api.get(hr, base + "?status=pending"))).as("before the roles change").hasSize(2);
		assertThat(this.api.get(hr, base + "?status=maybe").status()).isEqualTo(400);
		assertThat(this.api.get(hr, "/api/v1/agreements").raw()).contains("杭州保密协议");
		assertThat(this.api.get(company.data.token(signed), base).status()).as("a rep").isEqualTo(403);
		assertThat(this.api
			.post(hr, "/api/v1/agreements", Map.of("titleZh", "无", "titleEn", "none", "roles", List.of("NO_SUCH_ROLE")))
			.status()).isEqualTo(400);
		assertThat(this.api
			.post(hr, "/api/v1/agreements/" + agreement + "/versions",
					Map.of("textZh", "正文", "textEn", "text", "scope", "客户", "nonCompeteText", "竞业"))
			.status()).as("a non-compete without its term").isEqualTo(400);

		String otherRole = TestData.unique("NDB");
		this.api.post(company.data.adminToken(), "/api/v1/roles",
				Map.of("code", otherRole, "name", "另一角色", "dataScope", "SELF", "permissions", List.of()));
		String newcomer = company.data.token(company.data.employee("rep", company.region, null, "SALES", otherRole));
		assertThat(this.api.get(newcomer, "/api/v1/customers").status()).isEqualTo(200);
		Api.Response changed = this.api.put(hr, "/api/v1/agreements/" + agreement + "/roles",
				Map.of("roles", List.of(role, otherRole)));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(this.api.get(newcomer, "/api/v1/customers").status()).as("the role now requires it").isEqualTo(403);
		assertThat(this.api.put(hr, "/api/v1/agreements/" + agreement + "/roles", Map.of("roles", List.of())).status())
			.isEqualTo(400);

		WebSession page = new WebSession(this.port);
		page.logIn(clerk.username(), TestData.PASSWORD);
		String html = page.get("/admin/agreements/" + agreement + "?status=pending&lang=zh_CN").body();
		assertThat(html).contains("acceptance-" + unsigned.id(), "acceptance-" + elsewhere.id())
			.doesNotContain("acceptance-" + signed.id());
		assertThat(page.get("/admin/agreements?lang=en").body()).contains("agreement-" + agreement);
	}

	@Test
	void theOffboardingCaseShowsTheTermsAndHrIsRemindedBeforeTheyEnd() {
		Company company = TestData.given(this.api).company("华东销售部", "华东销售一组", "华南销售部");
		String role = company.data.agreementRole();
		TestData.Employee hr = company.hr();
		TestData.Employee leaver = company.rep(role);
		long version = company.data.publish(hr, company.data.agreement(hr, "宁波", role), 14, 6);
		this.api.post(company.data.token(leaver), "/api/v1/me/agreements/" + version + "/accept", null);
		LocalDate lastDay = LocalDate.now(SHANGHAI).plusDays(30);
		Api.Response resignation = this.api.post(company.token(hr), "/api/v1/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", LocalDate.now(SHANGHAI).toString(), "lastWorkingDay", lastDay.toString(), "reason",
						"个人原因"));
		assertThat(resignation.status()).as(resignation.toString()).isEqualTo(201);

		Api.Response terms = this.api.get(company.token(hr), "/api/v1/employees/" + leaver.id() + "/agreement-terms");
		assertThat(terms.status()).as(terms.toString()).isEqualTo(200);
		assertThat(terms.body().get(0).get("confidentialityEndsOn").asString())
			.isEqualTo(lastDay.plusMonths(24).toString());
		assertThat(terms.body().get(0).get("nonCompeteEndsOn").asString()).isEqualTo(lastDay.plusMonths(6).toString());
		Api.Response onTheCase = this.api.get(company.token(hr),
				"/api/v1/offboarding/" + resignation.id() + "/agreement-terms");
		assertThat(onTheCase.status()).as(onTheCase.toString()).isEqualTo(200);
		assertThat(onTheCase.body().get(0).get("confidentialityEndsOn").asString())
			.isEqualTo(lastDay.plusMonths(24).toString());
		assertThat(this.api
			.get(company.data.token(company.rep(role)), "/api/v1/offboarding/" + resignation.id() + "/agreement-terms")
			.status()).as("a colleague").isEqualTo(404);
		WebSession page = new WebSession(this.port);
		page.logIn(hr.username(), TestData.PASSWORD);
		assertThat(page.get("/offboarding/" + resignation.id() + "?lang=zh_CN").body()).contains("agreement-terms",
				"宁波保密协议", "保密义务至 " + lastDay.plusMonths(24), "竞业限制至 " + lastDay.plusMonths(6));

		LocalDate nonCompeteEnds = lastDay.plusMonths(6);
		assertThat(
				this.reminders.raise(nonCompeteEnds.minusDays(40).atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant()))
			.as("not yet due")
			.isZero();
		this.reminders.raise(nonCompeteEnds.minusDays(10).atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant());
		this.reminders.raise(nonCompeteEnds.minusDays(9).atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant());
		this.reminders.raise(lastDay.plusMonths(24).minusDays(5).atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant());
		assertThat(
				this.jdbc.sql("select kind || ' ' || ends_on from agreement_reminder where employee_id = ? order by id")
					.param(leaver.id())
					.query(String.class)
					.list())
			.as("each once")
			.containsExactly("NON_COMPETE " + nonCompeteEnds, "CONFIDENTIALITY " + lastDay.plusMonths(24));
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'AGREEMENT_TERM_ENDING' and target_id = ?")
			.param(String.valueOf(leaver.id()))
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(page.get("/admin/agreements?lang=zh_CN").body()).contains("宁波保密协议", "竞业限制期于 " + nonCompeteEnds);
	}

	/**
	 * Issue 12, item 7: an unknown role is a message at the roles, in the reader's
	 * language, never the code typed; 422 like every refused form.
	 */
	@Test
	void anUnknownRoleIsATranslatedMessageAtTheRoles() {
		Company company = TestData.given(this.api).company("华东销售部", "华东销售一组", "华南销售部");
		String role = company.data.agreementRole();
		TestData.Employee hr = company.hr();
		long agreement = company.data.agreement(hr, "温州", role);
		WebSession page = new WebSession(this.port);
		page.logIn(hr.username(), TestData.PASSWORD);
		String csrf = WebSession.csrfToken(page.get("/admin/agreements/" + agreement + "?lang=en"));

		var english = page.post("/admin/agreements/" + agreement + "/roles", Map.of("roles", "999999", "_csrf", csrf));
		assertThat(english.statusCode()).isEqualTo(422);
		assertThat(english.body()).contains("id=\"error-roles\"", "no such role").doesNotContain(": 999999");
		page.get("/admin/agreements/" + agreement + "?lang=zh_CN");
		var chinese = page.post("/admin/agreements/" + agreement + "/roles", Map.of("roles", "999999", "_csrf", csrf));
		assertThat(chinese.statusCode()).isEqualTo(422);
		assertThat(chinese.body()).contains("id=\"error-roles\"", "没有这个角色").doesNotContain(": 999999");
	}

	@Test
	void hrCreatesAndPublishesOnThePages() {
		Company company = TestData.given(this.api).company("华东销售部", "华东销售一组", "华南销售部");
		String role = company.data.agreementRole();
		TestData.Employee hr = company.hr();
		WebSession page = new WebSession(this.port);
		page.logIn(hr.username(), TestData.PASSWORD);
		String csrf = WebSession.csrfToken(page.get("/admin/agreements?lang=zh_CN"));

		var invalid = page.post("/admin/agreements?lang=zh_CN",
				Map.of("titleZh", "", "titleEn", "Sales NDA", "roles", role, "_csrf", csrf));
		// refused input: 422 like every form's (issue 12 item 7), no longer 200
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("error-titleZh");
		var created = page.post("/admin/agreements",
				Map.of("titleZh", "销售保密协议", "titleEn", "Sales NDA", "roles", role, "_csrf", csrf));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		long agreement = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		Map<String, String> version = new java.util.HashMap<>(
				Map.of("textZh", "保密条款", "textEn", "Confidentiality", "scope", "客户资料", "termMonths", "", "graceDays",
						"", "nonCompeteText", "竞业条款", "nonCompeteMonths", "", "_csrf", csrf));
		var refused = page.post("/admin/agreements/" + agreement + "/versions", version);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("error-nonCompeteMonths", "竞业限制条款需要填写期限");
		version.put("nonCompeteText", "");
		var published = page.post("/admin/agreements/" + agreement + "/versions", version);
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(this.api.get(company.token(hr), "/api/v1/agreements")
			.body()
			.valueStream()
			.filter(a -> a.get("id").asLong() == agreement)
			.findFirst()
			.orElseThrow()
			.get("versions")
			.get(0)
			.toString()).as("the defaults")
			.contains("\"termMonths\":24", "\"graceDays\":14", "\"nonCompeteText\":null");
	}

	private static List<Long> ids(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body().valueStream().map(row -> row.get("employeeId").asLong()).toList();
	}

}
