package dev.holdfast.system;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's mistake is not the system's: a wrong method, a bad id or a missing page each
 * get a message of their own, in the reader's language, never "something went wrong".
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorStatusPagesIntegrationTests {

	private static final String[] HTML = { "Accept", "text/html" };

	@LocalServerPort
	int port;

	private WebSession admin;

	@BeforeAll
	void logIn() {
		this.admin = new WebSession(this.port);
		this.admin.logIn("admin", TestData.ADMIN_PASSWORD);
	}

	@Test
	void aWrongMethodIs405WithItsOwnMessage() {
		String csrf = WebSession.csrfToken(this.admin.get("/audit"));
		HttpResponse<String> page = this.admin.post("/audit/verify", Map.of("_csrf", csrf), HTML);
		assertThat(page.statusCode()).isEqualTo(405);
		assertThat(page.body()).contains("此页面不支持这种操作").doesNotContain("系统出错");
	}

	@Test
	void aMissingPageAndABadIdHaveTheirOwnMessages() {
		HttpResponse<String> missing = this.admin.get("/no-such-page-" + TestData.unique("x"), HTML);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("页面不存在，或您无权查看").doesNotContain("系统出错");
		HttpResponse<String> bad = this.admin.get("/customers/+2", HTML);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).doesNotContain("系统出错");
	}

	@Test
	void inEnglishTheMessageIsEnglish() {
		WebSession english = new WebSession(this.port);
		english.logIn("admin", TestData.ADMIN_PASSWORD);
		english.get("/?lang=en");
		String csrf = WebSession.csrfToken(english.get("/audit"));
		HttpResponse<String> page = english.post("/audit/verify", Map.of("_csrf", csrf), HTML);
		assertThat(page.statusCode()).isEqualTo(405);
		assertThat(page.body()).contains("This page cannot be used this way").doesNotContain("此页面");
	}

	@Test
	void errorPagesHaveTheTopBarOfWhoeverIsLoggedIn() {
		TestData data = new TestData(new dev.holdfast.Api(this.port));
		long department = data.department(TestData.unique("成都销售部"), null);
		TestData.Employee rep = data.employee("rep", department, null, "SALES");
		WebSession session = new WebSession(this.port);
		session.logIn(rep.username(), TestData.PASSWORD);
		Map<Integer, HttpResponse<String>> pages = Map.of(403, session.get("/admin/employees", HTML), 404,
				session.get("/customers/987654321", HTML), 400, session.get("/customers/+2", HTML), 405,
				session.post("/audit/verify", Map.of("_csrf", WebSession.csrfToken(session.get("/"))), HTML));
		pages.forEach((status, page) -> {
			assertThat(page.statusCode()).isEqualTo(status);
			assertThat(page.body()).as("the top bar of a %d page", status)
				.contains("id=\"nav-customers\"", "id=\"nav-reminders\"", "id=\"logout\"")
				.contains("id=\"current-user\"", "测试" + rep.username());
		});
		HttpResponse<String> unknown = session.get("/no-such-page-" + TestData.unique("x"), HTML);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("id=\"nav-customers\"", "测试" + rep.username());
	}

	@Test
	void anAnonymousErrorPageShowsNoMenuAndNoName() {
		WebSession anonymous = new WebSession(this.port);
		for (String path : java.util.List.of("/css/" + TestData.unique("missing") + ".css", "/error")) {
			HttpResponse<String> page = anonymous.get(path, HTML);
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path)
				.contains("id=\"error-status\"")
				.doesNotContain("id=\"nav-customers\"", "id=\"current-user\"", "id=\"logout\"",
						"id=\"nav-notifications\"", "管理员");
		}
	}

	@Test
	void theErrorPathAndAPageNumberPastEveryOffsetAreTheCallersMistakesNotOurs() {
		assertThat(this.admin.get("/error", HTML).statusCode()).as("the error path asked for directly").isEqualTo(404);
		for (String path : java.util.List.of("/notifications?page=2147483647", "/admin/employees?page=107374183",
				"/audit?page=2147483647")) {
			HttpResponse<String> page = this.admin.get(path, HTML);
			assertThat(page.statusCode()).as(path).isEqualTo(400);
			assertThat(page.body()).as(path).contains("id=\"error-status\"");
		}
	}

}
