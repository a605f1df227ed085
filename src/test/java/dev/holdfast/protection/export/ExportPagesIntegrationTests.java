package dev.holdfast.protection.export;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.MultipartForm;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;
import dev.holdfast.Api;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The export page (request, approve, download) and the leak-trace page (drop a file),
 * through the web UI with form login and CSRF.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportPagesIntegrationTests {

	private static final Pattern EXPORT_ID = Pattern.compile("id=\"export-(\\d+)\"");

	@LocalServerPort
	int port;

	private Company company;

	private ExportClient exports;

	private ExportClient.Marked marked;

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port)).company("华东区", "上海销售一组", "西南区");
		this.exports = new ExportClient(this.port, this.company.data);
		this.marked = this.exports.markedCustomers(this.company);
	}

	/**
	 * A request the service refuses (an entity, format or purpose it does not know) shows
	 * the page again with the message at the field and what was chosen; nothing is
	 * queued.
	 */
	@Test
	void aBadRequestShowsTheFormAgainWithTheMessageAtItsField() {
		WebSession manager = session(this.company.manager.username(), TestData.PASSWORD);
		HttpResponse<String> page = manager.get("/exports?lang=zh_CN");
		long before = EXPORT_ID.matcher(page.body()).results().count();
		HttpResponse<String> refused = manager.post("/exports",
				Map.of("entity", "employees", "format", "XLSX", "q", "王芳", "_csrf", WebSession.csrfToken(page)));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"export-form\"")
			.contains("id=\"error-entity\"")
			.contains("请选择客户、联系人或跟进记录")
			.containsPattern("<option value=\"XLSX\"\\s+selected")
			.contains("value=\"王芳\"");
		HttpResponse<String> badFormat = manager.post("/exports",
				Map.of("entity", "contacts", "format", "PDF", "_csrf", WebSession.csrfToken(page)));
		assertThat(badFormat.statusCode()).isEqualTo(422);
		assertThat(badFormat.body()).contains("id=\"error-format\"");
		assertThat(EXPORT_ID.matcher(manager.get("/exports").body()).results().count()).isEqualTo(before);
	}

	@Test
	void aManagerRequestsAnotherApprovesAndOnlyTheRequesterDownloads() {
		WebSession manager = session(this.company.manager.username(), TestData.PASSWORD);
		HttpResponse<String> page = manager.get("/exports");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"export-form\"");
		HttpResponse<String> requested = manager.post("/exports", Map.of("entity", "contacts", "format", "CSV", "q",
				this.marked.marker(), "unmasked", "true", "_csrf", WebSession.csrfToken(page)));
		assertThat(requested.statusCode()).isEqualTo(302);
		String listed = manager.get("/exports").body();
		Matcher id = EXPORT_ID.matcher(listed);
		assertThat(id.find()).isTrue();
		String export = id.group(1);
		// the file is prepared in the background: the approver sees it once it waits for
		// approval
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !manager.get("/exports/" + export + "/status", "HX-Request", "true")
				.body()
				.contains("hx-trigger"));
		listed = manager.get("/exports").body();
		// people's words: what was exported and why it waits, never the codes
		assertThat(listed).contains("#" + export + " · 联系人 · CSV")
			.contains("需要审批：未脱敏的联系方式")
			.doesNotContain("UNMASKED_FIELDS")
			.doesNotContain("· contacts ·");

		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		HttpResponse<String> adminPage = admin.get("/exports");
		assertThat(adminPage.body()).contains("/exports/" + export + "/approve");
		assertThat(admin.post("/exports/" + export + "/approve", Map.of("_csrf", WebSession.csrfToken(adminPage)))
			.statusCode()).isEqualTo(302);
		assertThat(admin.get("/exports/" + export + "/file").statusCode()).isEqualTo(404);

		HttpResponse<String> file = manager.get("/exports/" + export + "/file");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).contains("导出 #" + export).contains(this.marked.repPhones().get(0));

		WebSession rep = session(this.company.owner.username(), TestData.PASSWORD);
		assertThat(rep.get("/exports").statusCode()).isEqualTo(403);
		assertThat(rep.get("/leak-trace").statusCode()).isEqualTo(403);
	}

	@Test
	void anAdministratorDropsASuspectFileOnTheLeakTracePage() {
		long export = this.exports.export(this.company.manager, "contacts", "CSV", false, this.marked).id();
		String csv = this.exports.csv(this.company.token(this.company.manager), export);
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		HttpResponse<String> page = admin.get("/leak-trace");
		assertThat(page.statusCode()).isEqualTo(200);
		// the token travels in the body, never in the URL (logs, Referer)
		String action = MultipartForm.action(page.body(), "trace-form");
		assertThat(action).isEqualTo("/leak-trace").doesNotContain("_csrf");
		HttpResponse<String> report = new MultipartForm(this.port).field("_csrf", WebSession.csrfToken(page))
			.file("file", "leak.csv", csv.getBytes(StandardCharsets.UTF_8))
			.post(admin, action);
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("trace-source").contains("#" + export);
		// without it: refused
		assertThat(new MultipartForm(this.port).file("file", "leak.csv", csv.getBytes(StandardCharsets.UTF_8))
			.post(admin, action)
			.statusCode()).isEqualTo(403);
	}

	private WebSession session(String username, String password) {
		WebSession session = new WebSession(this.port);
		assertThat(session.logIn(username, password).statusCode()).isEqualTo(302);
		return session;
	}

}
