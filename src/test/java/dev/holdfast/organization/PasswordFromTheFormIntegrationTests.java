package dev.holdfast.organization;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: a password an administrator types into the employee form is known to them, so
 * the employee must choose their own at first login, and nothing else is reachable
 * before. The API keeps its behaviour unless asked ({@code passwordChangeRequired}).
 */
@HoldfastIntegrationTest
class PasswordFromTheFormIntegrationTests {

	private static final String TYPED = "typed-by-admin-2026";

	private static final String OWN = "my-own-choice-2026";

	@LocalServerPort
	int port;

	Api api;

	TestData data;

	long sales;

	WebSession admin;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.sales = this.data.department("华南销售部", null);
		this.admin = new WebSession(this.port);
		this.admin.logIn("admin", TestData.ADMIN_PASSWORD);
	}

	@Test
	void anEmployeeCreatedInTheFormChoosesTheirOwnPasswordFirst() {
		HttpResponse<String> form = this.admin.get("/admin/employees/new?lang=zh_CN");
		assertThat(form.body()).contains("id=\"password-first-login\"").contains("首次登录时须修改密码");
		String username = TestData.unique("zhou.jie");
		HttpResponse<String> created = this.admin.post("/admin/employees",
				Map.of("username", username, "displayName", "周杰", "password", TYPED, "departmentId",
						String.valueOf(this.sales), "roles", "SALES", "phone", TestData.uniqueMobile(), "_csrf",
						WebSession.csrfToken(form)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);

		mustChooseOwnPassword(username, TYPED);
	}

	@Test
	void aPasswordAnAdministratorResetsInTheFormIsChangedAtTheNextLogin() {
		TestData.Employee rep = this.data.employee("li.na", this.sales, null, "SALES");
		WebSession own = logIn(rep.username(), TestData.PASSWORD);
		assertThat(own.get("/customers").statusCode()).as("the API's employee: no change asked").isEqualTo(200);

		HttpResponse<String> form = this.admin.get("/admin/employees/" + rep.id());
		HttpResponse<String> saved = this.admin.post("/admin/employees/" + rep.id(),
				Map.of("displayName", "李娜", "departmentId", String.valueOf(this.sales), "roles", "SALES", "status",
						"ACTIVE", "password", TYPED, "_csrf", WebSession.csrfToken(form)));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

		mustChooseOwnPassword(rep.username(), TYPED);
	}

	@Test
	void theApiAsksForTheChangeOnlyWhenTold() {
		String username = TestData.unique("wu.fang");
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("displayName", "吴芳");
		body.put("password", TYPED);
		body.put("departmentId", this.sales);
		body.put("passwordChangeRequired", true);
		Api.Response created = this.api.post(this.data.adminToken(), "/api/v1/employees", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		Api.Response token = this.api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", TYPED));
		assertThat(token.status()).isEqualTo(403);
		assertThat(token.body().get("error").asString()).isEqualTo("password_change_required");
	}

	private void mustChooseOwnPassword(String username, String password) {
		Api.Response token = this.api.post(null, "/api/v1/auth/token",
				Map.of("username", username, "password", password));
		assertThat(token.status()).as("no API token with a password someone else typed").isEqualTo(403);

		WebSession browser = logIn(username, password);
		for (String page : new String[] { "/", "/customers", "/follow-ups", "/admin/employees" }) {
			assertThat(browser.get(page).headers().firstValue("Location").orElse("")).as(page)
				.endsWith("/security/password");
		}
		HttpResponse<String> change = browser.get("/security/password");
		assertThat(change.body()).contains("id=\"password-change-required\"");
		HttpResponse<String> changed = browser.post("/security/password", Map.of("currentPassword", password,
				"password", OWN, "repeat", OWN, "_csrf", WebSession.csrfToken(change)));
		assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/login?passwordChanged");

		WebSession again = logIn(username, OWN);
		assertThat(again.get("/customers").statusCode()).isEqualTo(200);
		assertThat(this.api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", OWN)).status())
			.isEqualTo(200);
	}

	private WebSession logIn(String username, String password) {
		WebSession browser = new WebSession(this.port);
		assertThat(browser.logIn(username, password).headers().firstValue("Location").orElseThrow())
			.doesNotContain("error");
		return browser;
	}

}
