package dev.holdfast.protection.export;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import static org.awaitility.Awaitility.await;

/**
 * An export's file is prepared in the background: the export page shows its status and,
 * while it is written, its progress, polled by htmx as a fragment of the page (never a
 * page) until the file is ready; the path is warmed up after start.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportProgressIntegrationTests {

	private static final Pattern EXPORT_ID = Pattern.compile("id=\"export-(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExportWarmUp warmUp;

	private Company company;

	private ExportClient exports;

	private ExportClient.Marked marked;

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port)).company("华东区", "上海销售一组", "西南区");
		this.exports = new ExportClient(this.port, this.company.data);
		this.marked = this.exports.markedCustomers(this.company);
	}

	@Test
	void thePagePollsAnExportBeingPreparedAndStopsOnceItIsReady() {
		WebSession manager = session(this.company.manager.username());
		long id = requestOnThePage(manager);
		// as the page sees an export while a worker writes its file
		this.jdbc.sql("update export_request set status = 'PREPARING', rows_written = 3, rows_total = 9 where id = :id")
			.param("id", id)
			.update();

		String page = manager.get("/exports").body();
		assertThat(page).contains("hx-get=\"/exports/" + id + "/status\"").contains("hx-trigger=\"every 1s\"");
		assertThat(page).contains("已写入 3 / 9 行").contains("正在生成");

		HttpResponse<String> poll = manager.get("/exports/" + id + "/status", "HX-Request", "true");
		assertThat(poll.statusCode()).isEqualTo(200);
		assertThat(poll.body().strip()).startsWith("<div").doesNotContain("<html").doesNotContain("<nav");
		assertThat(poll.body()).contains("id=\"export-" + id + "\"")
			.contains("hx-trigger=\"every 1s\"")
			.contains("aria-valuenow=\"3\"")
			.contains("已写入 3 / 9 行")
			.doesNotContain("export-download");

		this.jdbc.sql("update export_request set status = 'READY', rows_written = 9 where id = :id")
			.param("id", id)
			.update();
		HttpResponse<String> done = manager.get("/exports/" + id + "/status", "HX-Request", "true");
		assertThat(done.body()).contains("export-download").contains("可下载").doesNotContain("hx-trigger");
	}

	@Test
	void aQueuedExportShowsItsStatusBeforeItsRowsAreCounted() {
		WebSession manager = session(this.company.manager.username());
		long id = requestOnThePage(manager);
		this.jdbc.sql("update export_request set status = 'QUEUED', rows_written = 0, rows_total = null where id = :id")
			.param("id", id)
			.update();
		String row = manager.get("/exports/" + id + "/status", "HX-Request", "true").body();
		assertThat(row).contains("排队中").contains("正在收集数据行").contains("hx-trigger=\"every 1s\"");
		assertThat(row).doesNotContain("role=\"progressbar\"");
	}

	@Test
	void aFinishedPreparationRecordsEveryRowWritten() {
		Api.Response requested = this.company.api.post(this.company.token(this.company.manager), "/api/v1/exports",
				Map.of("entity", "contacts", "format", "XLSX", "filter", Map.of("q", this.marked.marker())));
		assertThat(requested.status()).isEqualTo(202);
		assertThat(requested.text("status")).isEqualTo("READY");
		Api.Response export = this.company.api.get(this.company.token(this.company.manager),
				"/api/v1/exports/" + requested.id());
		int rows = export.body().get("rowCount").asInt();
		assertThat(rows).isGreaterThan(6);
		assertThat(export.body().get("rowsWritten").asInt()).isEqualTo(rows);
		assertThat(export.body().get("rowsTotal").asInt()).isEqualTo(rows);
	}

	@Test
	void nobodyElseFollowsAnotherManagersExport() {
		long id = requestOnThePage(session(this.company.manager.username()));
		WebSession other = session(this.company.otherManager.username());
		assertThat(other.get("/exports/" + id + "/status", "HX-Request", "true").statusCode()).isEqualTo(404);
		assertThat(session(this.company.owner.username()).get("/exports/" + id + "/status", "HX-Request", "true")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void theExportPathIsWarmedUpAfterStart() {
		await().atMost(Duration.ofMinutes(2)).until(this.warmUp::done);
	}

	@Test
	void theWarmUpRunsTheExportCodeWithoutWritingAnything() {
		await().atMost(Duration.ofMinutes(2)).until(this.warmUp::done);
		String count = """
				select (select count(*) from export_request) || '/' || (select count(*) from export_canary)
				    || '/' || (select count(*) from export_fingerprint)
				    || '/' || (select count(*) from audit_event where action like 'EXPORT%')""";
		String before = this.jdbc.sql(count).query(String.class).single();
		this.warmUp.run();
		assertThat(this.jdbc.sql(count).query(String.class).single()).isEqualTo(before);
	}

	/**
	 * A small masked export requested on the page; answers its id once it is prepared.
	 */
	private long requestOnThePage(WebSession session) {
		HttpResponse<String> page = session.get("/exports");
		HttpResponse<String> requested = session.post("/exports", Map.of("entity", "customers", "format", "CSV", "q",
				this.marked.marker(), "_csrf", WebSession.csrfToken(page)));
		assertThat(requested.statusCode()).isEqualTo(302);
		Matcher id = EXPORT_ID.matcher(session.get("/exports").body());
		assertThat(id.find()).isTrue();
		long export = Long.parseLong(id.group(1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.jdbc.sql("select status from export_request where id = :id")
				.param("id", export)
				.query(String.class)
				.single()
				.matches("QUEUED|PREPARING"));
		return export;
	}

	private WebSession session(String username) {
		WebSession session = new WebSession(this.port);
		assertThat(session.logIn(username, TestData.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

}
