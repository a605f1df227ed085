package dev.holdfast.risk;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.Api;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

@HoldfastIntegrationTest
@TightReadingLimits
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskPagesIntegrationTests {

	@LocalServerPort
	int port;

	private Company company;

	private Api api;

	@Autowired
	CanaryAlerts canaries;

	@Autowired
	TransactionTemplate tx;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("风控测试销售组", "风控测试一组", "华东区");
	}

	@Test
	void aManagerSeesTheirTeamWithAChartAcknowledgesAndLifts() {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		long customerId = this.company.data.customerAs(token);
		assertThat(RiskDrills.readUntilRefused(this.api, token, customerId, 8)).isEqualTo(8);
		this.api.post(this.company.token(this.company.manager), "/api/v1/risk/employees/" + rep.id() + "/evaluate",
				null);

		WebSession manager = signedIn(this.company.manager);
		HttpResponse<String> dashboard = manager.get("/risk?lang=en");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("测试" + rep.username(), "<polyline", "Slowed down for reading too fast",
				"Reveal contact details", "Request exports");
		assertThat(dashboard.body()).as("suspended permissions by name, not code").doesNotContain(">contact.reveal<");

		String csrf = WebSession.csrfToken(dashboard);
		HttpResponse<String> page = manager.get("/risk/employees/" + rep.id() + "?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("The last 90 days", "id=\"lift\"", "Reveal contact details", "Request exports")
			.doesNotContain("contact.reveal");
		assertThat(manager.post("/risk/employees/" + rep.id() + "/lift", Map.of("_csrf", csrf)).statusCode())
			.isEqualTo(302);
		assertThat(manager.get("/risk/employees/" + rep.id()).body()).doesNotContain("id=\"lift\"");
	}

	/**
	 * A canary hit's alert says in words which canary, how and how often; the page
	 * carries no JSON of it.
	 */
	@Test
	void aCanaryAlertIsShownInWordsNotAsJson() {
		Employee rep = this.company.rep();
		Map<String, Object> facts = new java.util.LinkedHashMap<>();
		facts.put("canary", "personal");
		facts.put("canaryId", 0);
		facts.put("customerId", 4242);
		facts.put("channel", "phone");
		facts.put("hits", List.of("王芳-1", "王芳-2"));
		this.tx.executeWithoutResult(status -> this.canaries.raise(rep.id(), facts));

		WebSession manager = signedIn(this.company.manager);
		String zh = manager.get("/risk?lang=zh_CN").body();
		assertThat(zh).contains("个人诱饵客户", "被拨打电话", "诱饵客户 #4242", "触发 2 次")
			.doesNotContain("&quot;canary&quot;")
			.doesNotContain("\"channel\":")
			.doesNotContain("王芳-1");
		assertThat(manager.get("/risk?lang=en").body()).contains("Personal canary", "called", "2 hits");
	}

	@Test
	void aRepWhoManagesNobodyIsRefusedTheRiskPages() {
		Employee rep = this.company.rep();
		WebSession web = signedIn(rep);
		assertThat(web.get("/risk").statusCode()).isEqualTo(403);
		assertThat(web.get("/risk/employees/" + this.company.manager.id()).statusCode()).isEqualTo(403);
		assertThat(web.get("/").body()).doesNotContain("id=\"nav-risk\"");
	}

	@Test
	void anAuditorReadsButCannotLift() {
		Employee auditor = this.company.data.employee("auditor", this.company.team, null, "AUDITOR");
		WebSession web = signedIn(auditor);
		HttpResponse<String> dashboard = web.get("/risk");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("id=\"nav-risk\"");
		Employee rep = this.company.rep();
		assertThat(web.post("/risk/employees/" + rep.id() + "/lift", Map.of("_csrf", WebSession.csrfToken(dashboard)))
			.statusCode()).isEqualTo(403);
	}

	/**
	 * A rep whose reveals are suspended is told so on the customer page, not only left
	 * without the buttons (role walk, December 2026).
	 */
	@Test
	void aSuspendedRepIsToldWhyContactsStayMasked() {
		Employee rep = this.company.rep();
		String token = this.company.token(rep);
		long customerId = this.company.data.customerAs(token);
		this.company.data.contactAs(token, customerId);
		WebSession web = signedIn(rep);
		assertThat(web.get("/customers/" + customerId + "?lang=en").body()).contains("id=\"reveals-left\"")
			.doesNotContain("id=\"reveal-held-back\"");

		Map<String, Object> facts = new java.util.LinkedHashMap<>();
		facts.put("canary", "personal");
		facts.put("canaryId", 0);
		facts.put("customerId", 4243);
		facts.put("channel", "phone");
		facts.put("hits", List.of("李娜-1"));
		this.tx.executeWithoutResult(status -> this.canaries.raise(rep.id(), facts));
		HttpResponse<String> page = web.get("/customers/" + customerId + "?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"reveal-held-back\"", "showing them is suspended after unusual activity")
			.doesNotContain("id=\"reveals-left\"");
		assertThat(web.get("/customers/" + customerId + "?lang=zh_CN").body()).contains("查看完整联系方式已被暂停");
	}

	private WebSession signedIn(Employee employee) {
		WebSession web = new WebSession(this.port);
		web.logIn(employee.username(), TestData.PASSWORD);
		return web;
	}

}
