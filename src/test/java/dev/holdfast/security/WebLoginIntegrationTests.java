package dev.holdfast.security;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login form as a browser uses it: CSRF protection, a session stored in the database,
 * secure headers, and a departed employee's session ended.
 */
@HoldfastIntegrationTest
class WebLoginIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestData data;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void theLoginPageRendersAFormWithACsrfToken() {
		WebSession browser = new WebSession(this.port);

		HttpResponse<String> page = browser.get("/login");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<form", "name=\"username\"", "name=\"password\"");
		assertThat(WebSession.csrfToken(page)).isNotBlank();
	}

	@Test
	void aLoginWithoutTheCsrfTokenIsRefused() {
		TestData.Employee rep = this.data.employee("nocsrf", null, null, "SALES");
		WebSession browser = new WebSession(this.port);
		browser.get("/login");

		HttpResponse<String> refused = browser.post("/login",
				Map.of("username", rep.username(), "password", TestData.PASSWORD));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(sessionsOf(rep.username())).isZero();
		assertThat(browser.get("/").statusCode()).as("not logged in").isEqualTo(302);
	}

	@Test
	void aLoginWithTheCsrfTokenStartsASessionStoredInTheDatabase() {
		TestData.Employee rep = this.data.employee("web", null, null, "SALES");
		WebSession browser = new WebSession(this.port);

		HttpResponse<String> loggedIn = browser.logIn(rep.username(), TestData.PASSWORD);

		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(sessionsOf(rep.username())).isEqualTo(1);
	}

	@Test
	void aWrongPasswordOnTheFormSendsBackToTheLoginPage() {
		TestData.Employee rep = this.data.employee("webwrong", null, null, "SALES");
		WebSession browser = new WebSession(this.port);

		HttpResponse<String> failed = browser.logIn(rep.username(), "not-the-password");

		assertThat(failed.statusCode()).isEqualTo(302);
		assertThat(failed.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void theSessionIsIndexedByUsernameWhateverTheDisplayName() {
		String username = TestData.unique("longname");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("displayName", "名".repeat(100));
		body.put("password", TestData.PASSWORD);
		body.put("roles", List.of("SALES"));
		assertThat(this.api.post(this.data.adminToken(), "/api/v1/employees", body).status()).isEqualTo(201);
		WebSession browser = new WebSession(this.port);

		HttpResponse<String> loggedIn = browser.logIn(username, TestData.PASSWORD);

		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(username)).isEqualTo(1);
	}

	@Test
	void aDepartedEmployeesSessionEndsOnTheNextRequest() {
		TestData.Employee leaver = this.data.employee("webleaver", null, null, "SALES");
		WebSession browser = new WebSession(this.port);
		browser.logIn(leaver.username(), TestData.PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		this.api.patch(this.data.adminToken(), "/api/v1/employees/" + leaver.id(), Map.of("status", "DEPARTED"));

		HttpResponse<String> after = browser.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(sessionsOf(leaver.username())).isZero();
	}

	/**
	 * The login page opens no session, so the attacker plants the id of a session of his
	 * own.
	 */
	@Test
	void theSessionIdChangesAtLoginSoAPlantedSessionIsUseless() {
		TestData.Employee rep = this.data.employee("fixation", null, null, "SALES");
		WebSession attackersTab = new WebSession(this.port);
		attackersTab.logIn(this.data.employee("planter", null, null, "SALES").username(), TestData.PASSWORD);
		String planted = attackersTab.cookies().get("SESSION");
		assertThat(planted).isNotBlank();
		WebSession victim = new WebSession(this.port);
		victim.cookies().put("SESSION", planted);
		victim.get("/login");

		victim.logIn(rep.username(), TestData.PASSWORD);

		assertThat(victim.cookies().get("SESSION")).isNotBlank().isNotEqualTo(planted);
		assertThat(attackersTab.get("/").statusCode()).as("the planted session id is gone").isEqualTo(302);
	}

	@Test
	void theApiIgnoresTheWebSessionSoAForgedCrossSiteCallFails() {
		TestData.Employee admin = this.data.employee("webadmin", null, null, "ADMIN");
		WebSession browser = new WebSession(this.port);
		browser.logIn(admin.username(), TestData.PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		long departments = this.jdbc.sql("select count(*) from department").query(Long.class).single();

		HttpResponse<String> forged = browser.postJson("/api/v1/departments",
				"{\"name\":\"" + TestData.unique("csrf") + "\"}");

		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(this.jdbc.sql("select count(*) from department").query(Long.class).single()).isEqualTo(departments);
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void logoutNeedsTheCsrfTokenAndEndsTheSession() {
		TestData.Employee rep = this.data.employee("logout", null, null, "SALES");
		WebSession browser = new WebSession(this.port);
		browser.logIn(rep.username(), TestData.PASSWORD);

		assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
		assertThat(browser.get("/").statusCode()).as("still logged in").isEqualTo(200);

		HttpResponse<String> out = browser.post("/logout",
				Map.of("_csrf", WebSession.csrfToken(browser.get("/login"))));

		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
		assertThat(sessionsOf(rep.username())).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'LOGOUT' and actor_id = ?")
			.param(rep.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theFormShowsALockedUsernameAsLocked() {
		TestData.Employee rep = this.data.employee("weblocked", null, null, "SALES");
		for (int i = 0; i < 5; i++) {
			new WebSession(this.port).logIn(rep.username(), "wrong-password-" + i);
		}

		HttpResponse<String> locked = new WebSession(this.port).logIn(rep.username(), TestData.PASSWORD);

		assertThat(locked.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
		assertThat(sessionsOf(rep.username())).isZero();
	}

	@Test
	void aMangledReturnCookieIsIgnoredAndTheLoginGoesHome() {
		TestData.Employee rep = this.data.employee("mangled", null, null, "SALES");
		WebSession browser = new WebSession(this.port);
		browser.cookies().put("REDIRECT_URI", "%%not-base64%%");

		assertThat(browser.get("/login").statusCode()).isEqualTo(200);
		browser.cookies()
			.put("REDIRECT_URI", java.util.Base64.getEncoder()
				.encodeToString(
						"http://evil.example//evil.example/phish".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		HttpResponse<String> loggedIn = browser.logIn(rep.username(), TestData.PASSWORD);

		assertThat(loggedIn.headers().firstValue("Location")).hasValue("http://localhost:" + this.port + "/");
	}

	@Test
	void pagesCarrySecureHeaders() {
		HttpResponse<String> page = new WebSession(this.port).get("/login");

		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void apiAnswersCarrySecureHeadersAndSetNoSessionCookie() {
		HttpResponse<String> answer = new WebSession(this.port).get("/api/v1/me");

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
	}

	private long sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

}
