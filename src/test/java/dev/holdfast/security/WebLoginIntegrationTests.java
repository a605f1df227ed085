package dev.holdfast.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login form as a browser uses it: CSRF protection, a session stored in the database,
 * secure headers, and a departed employee's session ended.
 */
@HoldfastIntegrationTest
class WebLoginIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

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
		Browser browser = new Browser();

		HttpResponse<String> page = browser.get("/login");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<form", "name=\"username\"", "name=\"password\"");
		assertThat(csrfToken(page)).isNotBlank();
	}

	@Test
	void aLoginWithoutTheCsrfTokenIsRefused() {
		TestData.Employee rep = this.data.employee("nocsrf", null, null, "SALES");
		Browser browser = new Browser();
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
		Browser browser = new Browser();

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
		Browser browser = new Browser();

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
		Browser browser = new Browser();

		HttpResponse<String> loggedIn = browser.logIn(username, TestData.PASSWORD);

		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(username)).isEqualTo(1);
	}

	@Test
	void aDepartedEmployeesSessionEndsOnTheNextRequest() {
		TestData.Employee leaver = this.data.employee("webleaver", null, null, "SALES");
		Browser browser = new Browser();
		browser.logIn(leaver.username(), TestData.PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		this.api.patch(this.data.adminToken(), "/api/v1/employees/" + leaver.id(), Map.of("status", "DEPARTED"));

		HttpResponse<String> after = browser.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(sessionsOf(leaver.username())).isZero();
	}

	@Test
	void theSessionIdChangesAtLoginSoAPlantedSessionIsUseless() {
		TestData.Employee rep = this.data.employee("fixation", null, null, "SALES");
		Browser victim = new Browser();
		victim.get("/login");
		String planted = victim.cookies.get("SESSION");
		assertThat(planted).isNotBlank();

		victim.logIn(rep.username(), TestData.PASSWORD);

		assertThat(victim.cookies.get("SESSION")).isNotBlank().isNotEqualTo(planted);
		Browser attacker = new Browser();
		attacker.cookies.put("SESSION", planted);
		assertThat(attacker.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void theApiIgnoresTheWebSessionSoAForgedCrossSiteCallFails() {
		TestData.Employee admin = this.data.employee("webadmin", null, null, "ADMIN");
		Browser browser = new Browser();
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
		Browser browser = new Browser();
		browser.logIn(rep.username(), TestData.PASSWORD);

		assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
		assertThat(browser.get("/").statusCode()).as("still logged in").isEqualTo(200);

		HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", csrfToken(browser.get("/login"))));

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
			new Browser().logIn(rep.username(), "wrong-password-" + i);
		}

		HttpResponse<String> locked = new Browser().logIn(rep.username(), TestData.PASSWORD);

		assertThat(locked.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
		assertThat(sessionsOf(rep.username())).isZero();
	}

	@Test
	void pagesCarrySecureHeaders() {
		HttpResponse<String> page = new Browser().get("/login");

		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void apiAnswersCarrySecureHeadersAndSetNoSessionCookie() {
		HttpResponse<String> answer = new Browser().get("/api/v1/me");

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

	private static String csrfToken(HttpResponse<String> page) {
		Matcher matcher = CSRF.matcher(page.body());
		assertThat(matcher.find()).as("a CSRF field in %s", page.body()).isTrue();
		return matcher.group(1);
	}

	/** Keeps cookies between requests and never follows redirects, like a browser tab. */
	private final class Browser {

		private final HttpClient http = HttpClient.newHttpClient();

		private final Map<String, String> cookies = new LinkedHashMap<>();

		HttpResponse<String> get(String path) {
			return send(request(path).GET());
		}

		HttpResponse<String> post(String path, Map<String, String> form) {
			String body = form.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		HttpResponse<String> postJson(String path, String json) {
			return send(request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
		}

		HttpResponse<String> logIn(String username, String password) {
			String csrf = csrfToken(get("/login"));
			return post("/login", Map.of("username", username, "password", password, "_csrf", csrf));
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + WebLoginIntegrationTests.this.port + path))
				.header("User-Agent", "holdfast-tests-browser");
			if (!this.cookies.isEmpty()) {
				request.header("Cookie",
						this.cookies.entrySet()
							.stream()
							.map(e -> e.getKey() + "=" + e.getValue())
							.collect(Collectors.joining("; ")));
			}
			return request;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				for (String cookie : response.headers().allValues("Set-Cookie")) {
					String pair = cookie.split(";", 2)[0];
					String[] nameValue = pair.split("=", 2);
					if (nameValue[1].isEmpty()) {
						this.cookies.remove(nameValue[0]);
					}
					else {
						this.cookies.put(nameValue[0], nameValue[1]);
					}
				}
				return response;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
