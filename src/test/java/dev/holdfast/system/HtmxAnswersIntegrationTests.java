package dev.holdfast.system;

import java.net.http.HttpResponse;
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
 * What htmx gets back when a page would be the answer: never a page. A redirect becomes
 * {@code HX-Redirect}, an ended login a 401 the page can handle without leaving, an error
 * its message or its status alone. Plain browser requests are answered as before.
 */
@HoldfastIntegrationTest
class HtmxAnswersIntegrationTests {

	private static final String[] HTMX = { "HX-Request", "true" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestData data;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void aPollWithoutALoginGets401AndIsNotThePageTheLoginReturnsTo() {
		WebSession tab = new WebSession(this.port);

		HttpResponse<String> poll = tab.get("/notifications/bell", HTMX);

		assertThat(poll.statusCode()).isEqualTo(401);
		assertThat(poll.headers().firstValue("HX-Redirect").orElseThrow()).endsWith("/login");
		assertThat(poll.headers().firstValue("Holdfast-Session")).contains("ended");
		assertThat(poll.body()).isEmpty();
		TestData.Employee rep = this.data.employee("poll", null, null, "SALES");
		HttpResponse<String> login = tab.logIn(rep.username(), TestData.PASSWORD);
		assertThat(login.headers().firstValue("Location").orElseThrow()).as("not the bell fragment")
			.doesNotContain("bell")
			.endsWith("/");

		WebSession other = new WebSession(this.port);
		HttpResponse<String> page = other.get("/customers");
		assertThat(page.statusCode()).as("a page asked for by the browser").isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(other.logIn(rep.username(), TestData.PASSWORD).headers().firstValue("Location").orElseThrow())
			.contains("/customers");
	}

	@Test
	void aFollowUpSentAfterTheSessionEndedGets401NotAForbiddenPage() {
		TestData.Employee rep = this.data.employee("ended", null, null, "SALES");
		long customer = customerOf(rep);
		WebSession tab = new WebSession(this.port);
		tab.logIn(rep.username(), TestData.PASSWORD);
		String csrf = WebSession.csrfToken(tab.get("/customers/" + customer));
		Map<String, String> followUp = Map.of("kind", "CALL", "content", "电话确认了报价");

		HttpResponse<String> staleToken = tab.post("/customers/" + customer + "/follow-ups", followUp, "HX-Request",
				"true", "X-CSRF-TOKEN", "not-the-token");
		assertThat(staleToken.statusCode()).as("still logged in: refused, not asked to log in").isEqualTo(403);
		assertThat(staleToken.headers().firstValue("Holdfast-Session")).isEmpty();
		assertThat(staleToken.body()).isEmpty();

		this.jdbc.sql("delete from spring_session where principal_name = ?").param(rep.username()).update();
		HttpResponse<String> ended = tab.post("/customers/" + customer + "/follow-ups", followUp, "HX-Request", "true",
				"X-CSRF-TOKEN", csrf);

		assertThat(ended.statusCode()).isEqualTo(401);
		assertThat(ended.headers().firstValue("Holdfast-Session")).contains("ended");
		assertThat(ended.headers().firstValue("HX-Redirect").orElseThrow()).endsWith("/login");
		assertThat(ended.body()).isEmpty();
	}

	@Test
	void aRedirectAnsweredToHtmxBecomesHxRedirect() {
		TestData.Employee rep = this.data.employee("reset", null, null, "SALES");
		WebSession admin = new WebSession(this.port);
		admin.logIn("admin", TestData.ADMIN_PASSWORD);
		String csrf = WebSession.csrfToken(admin.get("/admin/employees/" + rep.id()));
		String reset = "/admin/employees/" + rep.id() + "/two-factor/reset";

		HttpResponse<String> htmx = admin.post(reset, Map.of("_csrf", csrf), HTMX);
		assertThat(htmx.statusCode()).isEqualTo(204);
		assertThat(htmx.headers().firstValue("HX-Redirect").orElseThrow())
			.endsWith("/admin/employees/" + rep.id() + "?twoFactorReset");
		assertThat(htmx.headers().firstValue("Location")).isEmpty();
		assertThat(htmx.body()).isEmpty();

		HttpResponse<String> plain = admin.post(reset, Map.of("_csrf", csrf));
		assertThat(plain.statusCode()).isEqualTo(302);
		assertThat(plain.headers().firstValue("HX-Redirect")).isEmpty();
	}

	@Test
	void anErrorAnsweredToHtmxIsItsMessageNeverAPage() {
		TestData.Employee rep = this.data.employee("missing", null, null, "SALES");
		WebSession tab = new WebSession(this.port);
		tab.logIn(rep.username(), TestData.PASSWORD);

		HttpResponse<String> missing = tab.get("/customers/999999999/follow-ups?lang=zh_CN", HTMX);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("id=\"request-error\"").doesNotContain("<nav", "<html");
		assertThat(missing.headers().firstValue("HX-Retarget")).contains("main");

		HttpResponse<String> unknown = tab.get("/no-such-page", HTMX);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).isEmpty();

		assertThat(tab.get("/no-such-page", "Accept", "text/html").body()).as("the browser still gets the error page")
			.contains("<nav");
	}

	@Test
	void theBackButtonsPageReloadIsLeftAlone() {
		WebSession tab = new WebSession(this.port);

		HttpResponse<String> restore = tab.get("/customers", "HX-Request", "true", "HX-History-Restore-Request",
				"true");

		assertThat(restore.statusCode()).isEqualTo(302);
		assertThat(restore.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private long customerOf(TestData.Employee rep) {
		Api.Response created = this.api.post(this.data.token(rep), "/api/v1/customers",
				Map.of("name", TestData.unique("杭州西溪茶业有限公司"), "kind", "COMPANY", "level", "B", "region", "杭州"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

}
