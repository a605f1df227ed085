package dev.holdfast.protection.tracing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.protection.export.ExportClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracing check of issue 4: an approved export, with rows deleted and columns
 * reordered, leads back to its export and requester; so does a pasted list of 20 phone
 * numbers with one canary among them; a canary contacted from outside raises a critical
 * alert naming the requester.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeakTraceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Company company;

	private ExportClient exports;

	private ExportClient.Marked marked;

	private long exportId;

	private String csv;

	/** The phones of this export's canaries, as a pattern. */
	private Pattern canaryPhone;

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port)).company("华东区", "上海销售一组", "西南区");
		this.exports = new ExportClient(this.port, this.company.data);
		this.marked = this.exports.markedCustomers(this.company);
		this.exportId = this.exports.export(this.company.manager, "contacts", "CSV", true, this.marked).id();
		TestData.check(this.company.api.post(this.company.data.adminToken(),
				"/api/v1/exports/" + this.exportId + "/approve", Map.of()), 200);
		this.csv = this.exports.csv(this.company.token(this.company.manager), this.exportId);
		this.canaryPhone = Pattern.compile(String.join("|",
				this.jdbc.sql("select phone_normalized from export_canary where export_id = ?")
					.param(this.exportId)
					.query(String.class)
					.list()));
	}

	@Test
	void anApprovedFileWithRowsDeletedAndColumnsReorderedIsTracedToItsExportAndRequester() {
		List<String> lines = this.csv.lines().skip(1).toList();
		List<String> kept = new ArrayList<>();
		int deleted = 0;
		for (int i = 0; i < lines.size(); i++) {
			// drop two real rows (not the header, no canary) and keep the rest
			if (i > 0 && deleted < 2 && !this.canaryPhone.matcher(lines.get(i)).find()) {
				deleted++;
				continue;
			}
			List<String> cells = new ArrayList<>(List.of(lines.get(i).split(",", -1)));
			Collections.reverse(cells);
			kept.add(String.join(",", cells));
		}
		Api.Response report = this.exports.traceFile(this.company.data.adminToken(), "客户名单.csv",
				String.join("\n", kept).getBytes(StandardCharsets.UTF_8));
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		var top = report.body().get("exports").get(0);
		assertThat(top.get("exportId").asLong()).isEqualTo(this.exportId);
		assertThat(top.get("requesterId").asLong()).isEqualTo(this.company.manager.id());
		assertThat(top.get("canaries").size()).isPositive();
		assertThat(top.get("valuesMatched").asInt()).isGreaterThan(10);
		assertThat(top.get("confidence").asDouble()).isGreaterThan(0.9);
		assertThat(report.body().get("employees").get(0).get("id").asLong()).isEqualTo(this.company.manager.id());
	}

	@Test
	void theSameRowsResavedAsXlsxAreTracedToo() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("客户");
			List<String> lines = this.csv.lines().skip(2).toList();
			for (int r = 0; r < lines.size(); r++) {
				Row row = sheet.createRow(r);
				String[] cells = lines.get(r).split(",", -1);
				for (int c = 0; c < cells.length; c++) {
					row.createCell(cells.length - 1 - c).setCellValue(cells[c]);
				}
			}
			workbook.write(out);
		}
		Api.Response report = this.exports.traceFile(this.company.data.adminToken(), "list.xlsx", out.toByteArray());
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.body().get("exports").get(0).get("exportId").asLong()).isEqualTo(this.exportId);
	}

	@Test
	void aPastedListOfTwentyPhonesWithOneCanaryIsTraced() {
		Matcher canary = this.canaryPhone.matcher(this.csv);
		assertThat(canary.find()).as("the unmasked file holds full canary phones").isTrue();
		StringBuilder pasted = new StringBuilder();
		for (int i = 0; i < 19; i++) {
			pasted.append(i % 2 == 0 ? "" : "+86 ").append(TestData.uniqueMobile()).append(i % 3 == 0 ? "\n" : "，");
		}
		pasted.append(canary.group().substring(0, 3) + " " + canary.group().substring(3, 7) + " "
				+ canary.group().substring(7));
		Api.Response report = this.exports.traceText(this.company.data.adminToken(), pasted.toString());
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		var top = report.body().get("exports").get(0);
		assertThat(top.get("exportId").asLong()).isEqualTo(this.exportId);
		assertThat(top.get("requesterName").asString()).contains(this.company.manager.username());
		assertThat(top.get("canaries").get(0).asString()).contains(canary.group());
	}

	@Test
	void aSalesRepMayNotTrace() {
		assertThat(this.exports.traceText(this.company.token(this.company.owner), "13912345678").status())
			.isEqualTo(403);
	}

	@Test
	void aCanaryContactedFromOutsideRaisesACriticalAlertNamingTheRequester() {
		Matcher canary = this.canaryPhone.matcher(this.csv);
		assertThat(canary.find()).isTrue();
		Api.Response hit = this.company.api.post(this.company.data.adminToken(), "/api/v1/canary-hits",
				Map.of("phone", canary.group(), "source", "竞争对手的推销电话"));
		assertThat(hit.status()).as(hit.toString()).isEqualTo(201);
		assertThat(hit.text("severity")).isEqualTo("CRITICAL");
		assertThat(hit.body().get("employeeId").asLong()).isEqualTo(this.company.manager.id());
		// one alert list: the hit is a risk alert, raised by risk on the CanaryHit event
		// after the hit committed, which /risk and GET /api/v1/risk/alerts show
		long alertId = dev.holdfast.Eventually.value("risk raised the alert", () -> this.jdbc
			.sql("""
					select coalesce(max(id), 0) from risk_alert
					where employee_id = ? and indicator = 'CANARY_HIT' and details -> 'hits' @> jsonb_build_array(?::text)""")
			.params(this.company.manager.id(), hit.text("hit"))
			.query(Long.class)
			.single(), id -> id > 0);
		Api.Response alerts = this.company.api.get(this.company.data.adminToken(), "/api/v1/risk/alerts");
		assertThat(alerts.status()).isEqualTo(200);
		assertThat(alerts.raw()).contains("CANARY_HIT").contains(String.valueOf(alertId));
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'CANARY_HIT' and target_id = ?")
			.param(String.valueOf(this.exportId))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.company.api
			.post(this.company.data.adminToken(), "/api/v1/canary-hits", Map.of("phone", "13900000000"))
			.status()).isEqualTo(404);
		String email = this.jdbc.sql("select email from export_canary where export_id = ? order by id limit 1")
			.param(this.exportId)
			.query(String.class)
			.single();
		assertThat(this.csv).contains(email);
		Api.Response byEmail = this.company.api.post(this.company.data.adminToken(), "/api/v1/canary-hits",
				Map.of("email", email.toUpperCase(java.util.Locale.ROOT), "source", "群发营销邮件"));
		assertThat(byEmail.status()).as(byEmail.toString()).isEqualTo(201);
		assertThat(byEmail.body().get("employeeId").asLong()).isEqualTo(this.company.manager.id());
	}

}
