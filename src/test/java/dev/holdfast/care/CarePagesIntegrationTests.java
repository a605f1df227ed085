package dev.holdfast.care;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The care pages as logged-in employees use them: managers open coverage and key-account
 * teams, reps don't; complaints show only on visible customers, and a peer's form on
 * someone else's complaint changes nothing.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarePagesIntegrationTests {

	@LocalServerPort
	int port;

	private Api api;

	private Company company;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.company = TestData.given(this.api).company("华东区", "上海销售二组", "西北区");
	}

	@Test
	void managersSeeCoverageAndKeyAccountsRepsDoNot() {
		long customer = this.company.customerOf(this.company.owner, "A");
		String name = this.api.get(this.company.token(this.company.owner), "/api/v1/customers/" + customer)
			.text("name");
		WebSession manager = session(this.company.manager);
		HttpResponse<String> coverage = manager.get("/care/coverage?departmentId=" + this.company.region);
		assertThat(coverage.statusCode()).isEqualTo(200);
		assertThat(coverage.body()).contains(name).contains("id=\"link-key-accounts\"");
		HttpResponse<String> teams = manager.get("/key-accounts?departmentId=" + this.company.region);
		assertThat(teams.statusCode()).isEqualTo(200);
		assertThat(teams.body()).contains("key-account-" + customer);

		WebSession rep = session(this.company.owner);
		assertThat(rep.get("/care/coverage").statusCode()).isEqualTo(403);
		assertThat(rep.get("/key-accounts").statusCode()).isEqualTo(403);
		assertThat(session(this.company.otherManager).get("/care/coverage").body()).doesNotContain(name);
	}

	@Test
	void complaintsShowOnlyOnVisibleCustomersAndAPeerCantMoveOne() {
		long customer = this.company.customerOf(this.company.owner, "B");
		String manager = this.company.token(this.company.manager);
		long complaint = this.api
			.post(manager, "/api/v1/customers/" + customer + "/complaints",
					Map.of("summary", "账单金额有误", "severity", "MEDIUM", "channel", "EMAIL"))
			.id();
		WebSession managerPage = session(this.company.manager);
		assertThat(managerPage.get("/complaints").body()).contains("账单金额有误");
		assertThat(managerPage.get("/customers/" + customer + "/care").body()).contains("账单金额有误");

		WebSession peer = session(this.company.colleague);
		assertThat(peer.get("/complaints").body()).doesNotContain("账单金额有误");
		String csrf = WebSession.csrfToken(peer.get("/complaints"));
		HttpResponse<String> moved = peer.post("/complaints/" + complaint + "/transitions",
				Map.of("to", "IN_PROGRESS", "_csrf", csrf));
		assertThat(moved.statusCode()).isEqualTo(404);
		assertThat(this.api.get(manager, "/api/v1/complaints/" + complaint).text("status")).isEqualTo("OPEN");

		String managerCsrf = WebSession.csrfToken(managerPage.get("/complaints"));
		HttpResponse<String> skipped = managerPage.post("/complaints/" + complaint + "/transitions",
				Map.of("to", "CLOSED", "_csrf", managerCsrf, "back", "https://evil.example/"));
		assertThat(skipped.statusCode()).isEqualTo(302);
		assertThat(skipped.headers().firstValue("Location").orElseThrow()).endsWith("/complaints");
		assertThat(this.api.get(manager, "/api/v1/complaints/" + complaint).text("status")).isEqualTo("OPEN");
		managerPage.post("/complaints/" + complaint + "/transitions",
				Map.of("to", "IN_PROGRESS", "note", "财务核对中", "_csrf", managerCsrf));
		assertThat(this.api.get(manager, "/api/v1/complaints/" + complaint).text("status")).isEqualTo("IN_PROGRESS");
	}

	/**
	 * A refused complaint or care visit shows its form again with the message at the
	 * field and what was typed, not a redirect with a flash line; nothing is recorded.
	 */
	@Test
	void aRefusedComplaintOrVisitShowsItsFormAgainWithTheMessageAtTheField() {
		long customer = this.company.customerOf(this.company.owner, "C");
		String manager = this.company.token(this.company.manager);
		WebSession page = session(this.company.manager);
		String csrf = WebSession.csrfToken(page.get("/customers/" + customer + "/care"));

		HttpResponse<String> complaint = page.post("/customers/" + customer + "/complaints?lang=zh_CN", Map
			.of("summary", " ", "details", "送货晚了三天，王芳很不满意", "severity", "HIGH", "channel", "PHONE", "_csrf", csrf));
		assertThat(complaint.statusCode()).isEqualTo(422);
		assertThat(complaint.body()).contains("id=\"error-summary\"")
			.contains("送货晚了三天，王芳很不满意")
			.containsPattern("<option value=\"HIGH\" selected")
			.containsPattern("<details[^>]*id=\"complaint-new\"[^>]*open|<details[^>]*open[^>]*id=\"complaint-new\"");
		assertThat(this.api.get(manager, "/api/v1/customers/" + customer + "/complaints").raw())
			.doesNotContain("送货晚了三天");

		HttpResponse<String> visit = page.post("/customers/" + customer + "/care-visits?lang=zh_CN",
				Map.of("dueOn", "2001-01-01", "reason", "MANUAL", "note", "带上样品给王芳", "_csrf", csrf));
		assertThat(visit.statusCode()).isEqualTo(422);
		assertThat(visit.body()).contains("id=\"error-dueOn\"").contains("带上样品给王芳");
		assertThat(this.api.get(manager, "/api/v1/customers/" + customer + "/care-visits").raw())
			.doesNotContain("带上样品");
	}

	private WebSession session(TestData.Employee employee) {
		WebSession session = new WebSession(this.port);
		session.logIn(employee.username(), TestData.PASSWORD);
		return session;
	}

}
