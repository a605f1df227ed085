package dev.holdfast.imports.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's API as its user and as an attacker: a sales manager previews a GBK CSV
 * with Chinese headers, reads the rows by verdict, commits and downloads the error
 * report; bad input answers 400 at its field; another manager's import is 404; a sales
 * rep, an HR clerk and a manager serving notice are refused.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportApiIntegrationTests {

	private static final String CSV = "text/csv";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	private Multipart multipart;

	private Company company;

	private String manager;

	private String existing;

	@BeforeAll
	void company() {
		this.api = new Api(this.port);
		this.multipart = new Multipart(this.port);
		this.company = TestData.given(this.api).company("华南区", "深圳销售一组", "华北区");
		this.manager = this.company.token(this.company.manager);
		this.existing = TestData.unique("广州珠江实业") + "有限公司";
		this.company.data.customer(this.company.owner, TestData.customerFields(this.existing));
	}

	private Api.Response upload(String token, ImportFiles.GbkCsv file, Map<String, String> texts) {
		return this.multipart.upload(token, "/api/v1/imports", texts, "file", "客户清单.csv", CSV, file.bytes());
	}

	private long previewed() {
		Api.Response preview = upload(this.manager, ImportFiles.gbkCsv(this.existing), Map.of());
		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		return preview.body().get("preview").get("id").asLong();
	}

	@Test
	void aManagerPreviewsCorrectsCommitsAndDownloadsTheErrorReport() throws IOException {
		ImportFiles.GbkCsv file = ImportFiles.gbkCsv(this.existing);
		Api.Response preview = upload(this.manager, file, Map.of("mapping",
				"{\"0\":\"CUSTOMER_NAME\",\"1\":\"CONTACT_NAME\",\"2\":\"PHONE\",\"3\":\"LEVEL\",\"4\":\"REGION\"}"));

		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		JsonNode view = preview.body().get("preview");
		long id = view.get("id").asLong();
		assertThat(view.get("fileName").asString()).isEqualTo("客户清单.csv");
		assertThat(view.get("status").asString()).isEqualTo("PREVIEWED");
		assertThat(view.get("mapping").get("fields").get("4").asString()).isEqualTo("REGION");
		assertThat(view.get("rows").asLong()).isEqualTo(4);
		assertThat(view.get("fresh").asLong()).isEqualTo(1);
		assertThat(view.get("invalid").asLong()).isEqualTo(1);
		assertThat(view.get("duplicates").asLong()).isEqualTo(1);
		assertThat(view.get("duplicatesInFile").asLong()).isEqualTo(1);
		JsonNode first = preview.body().get("rows").get("items").get(0);
		assertThat(first.get("number").asLong()).isEqualTo(2);
		assertThat(first.get("customerName").asString()).isEqualTo(file.fresh());
		assertThat(Uploads.FOLDER).as("the upload is deleted after the call")
			.satisfies(ImportApiIntegrationTests::empty);

		JsonNode invalid = this.api.get(this.manager, "/api/v1/imports/" + id + "/rows?verdict=INVALID").body();
		assertThat(invalid.get("total").asLong()).isEqualTo(1);
		assertThat(invalid.get("items").get(0).get("number").asLong()).isEqualTo(3);
		assertThat(invalid.get("items").get(0).get("problems").get("2").asString()).isEqualTo("INVALID_PHONE");
		assertThat(this.api.get(this.manager, "/api/v1/imports").body().findValuesAsString("fileName"))
			.contains("客户清单.csv");

		Api.Response commit = this.api.post(this.manager, "/api/v1/imports/" + id + "/commit",
				Map.of("duplicates", "SKIP", "owner", "ME"));
		assertThat(commit.status()).as(commit.toString()).isEqualTo(202);
		JsonNode done = Eventually.value("the import committed",
				() -> this.api.get(this.manager, "/api/v1/imports/" + id).body(),
				body -> "COMMITTED".equals(body.get("status").asString()));
		assertThat(done.get("created").asLong()).isEqualTo(1);
		assertThat(done.get("done").asLong()).isEqualTo(4);
		Api.Response again = this.api.post(this.manager, "/api/v1/imports/" + id + "/commit",
				Map.of("duplicates", "SKIP", "owner", "ME"));
		assertThat(again.status()).as("committing twice: " + again).isEqualTo(409);

		HttpResponse<byte[]> report = this.multipart.download(this.manager, "/api/v1/imports/" + id + "/errors");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.headers().firstValue("Content-Type").orElseThrow()).startsWith(Spreadsheets.XLSX);
		assertThat(report.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("filename*=UTF-8''%E5%AE%A2%E6%88%B7%E6%B8%85%E5%8D%95-errors.xlsx");
		assertThat(cells(report.body())).as("the refused rows with their reasons, the created one not")
			.containsSubsequence("3", file.invalid(), "12345", "4", file.fresh(), "5", this.existing)
			.doesNotContain("2");
	}

	@Test
	void aManagerCorrectsTheMappingOfAPreviewWithoutUploadingAgain() throws IOException {
		ImportFiles.GbkCsv file = ImportFiles.gbkCsv(this.existing);
		Api.Response preview = upload(this.manager, file, Map.of());
		assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
		long id = preview.body().get("preview").get("id").asLong();
		assertThat(preview.body().get("preview").get("mapping").get("fields").has("4")).as("片区 is not known").isFalse();
		String path = "/api/v1/imports/" + id + "/mapping";

		assertThat(fields(remap(path, "{\"0\":\"CUSTOMER_NAME\",\"1\":\"SHOE_SIZE\"}"))).containsEntry("mapping[1]",
				"is not an import field");
		assertThat(fields(remap(path, "{\"0\":\"CUSTOMER_NAME\",\"1\":\"PHONE\",\"2\":\"PHONE\"}")))
			.containsEntry("mapping[2]", "is already given to another column");
		assertThat(fields(remap(path, "{\"0\":\"CUSTOMER_NAME\",\"9\":\"REGION\"}"))).containsEntry("mapping[9]",
				"is not a column of the file");
		assertThat(fields(remap(path, "{\"1\":\"CONTACT_NAME\",\"2\":\"PHONE\"}"))).containsEntry("mapping",
				"must give a column to the customer's name");
		assertThat(fields(remap(path, "not json"))).containsKey("mapping");
		assertThat(fields(remap(path, ""))).containsKey("mapping");
		// attack, stop 22: the JSON null answered 500, a mapping of many bad columns as
		// many
		// messages
		assertThat(fields(remap(path, "null"))).containsKey("mapping");
		StringBuilder many = new StringBuilder("{");
		for (int column = 0; column < 5_000; column++) {
			many.append(column == 0 ? "" : ",").append("\"x").append(column).append("\":\"PHONE\"");
		}
		assertThat(fields(remap(path, many.append("}").toString()))).hasSizeLessThanOrEqualTo(20);

		// the phone column as notes: the row whose phone was 12345 is valid now; the
		// phones are refused there (issue 13's walk: they came in as plain text)
		Api.Response notes = remap(path,
				"{\"0\":\"CUSTOMER_NAME\",\"1\":\"CONTACT_NAME\",\"2\":\"NOTES\",\"3\":\"LEVEL\"}");
		assertThat(notes.status()).as(notes.toString()).isEqualTo(200);
		assertThat(notes.body().get("preview").get("id").asLong()).as("the same import").isEqualTo(id);
		assertThat(notes.body().get("preview").get("invalid").asLong()).isEqualTo(3);
		assertThat(notes.body().get("rows").get("items").get(0).get("problems").get("2").asString())
			.isEqualTo("PHONE_IN_TEXT");
		assertThat(notes.body().get("rows").get("items").get(1).get("verdict").asString()).isEqualTo("NEW");

		Api.Response region = remap(path, "{\"0\":\"CUSTOMER_NAME\",\"1\":\"CONTACT_NAME\",\"2\":\"PHONE\","
				+ "\"3\":\"LEVEL\",\"4\":\"REGION\"}");
		assertThat(region.status()).as(region.toString()).isEqualTo(200);
		JsonNode view = region.body().get("preview");
		assertThat(view.get("mapping").get("fields").get("4").asString()).isEqualTo("REGION");
		assertThat(view.get("mapping").get("remembered").asBoolean()).isTrue();
		assertThat(List.of(view.get("rows").asLong(), view.get("fresh").asLong(), view.get("invalid").asLong(),
				view.get("duplicates").asLong(), view.get("duplicatesInFile").asLong()))
			.containsExactly(4L, 1L, 1L, 1L, 1L);
		JsonNode invalid = this.api.get(this.manager, "/api/v1/imports/" + id + "/rows?verdict=INVALID").body();
		assertThat(invalid.get("items").get(0).get("problems").get("2").asString()).isEqualTo("INVALID_PHONE");
		assertThat(invalid.get("items").get(0).get("reasons").get("2").asString())
			.as("the reason quotes the cell the importer uploaded")
			.contains("手机号")
			.contains("12345");
		assertThat(this.jdbc.sql(
				"select count(*) from audit_event where action = 'DUPLICATE_REFUSED' and details::jsonb ->> 'importId' = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single())
			.as("the duplicate looked up at the upload and at each new preview where its row is valid, each refusal counted")
			.isEqualTo(2);

		Api.Response remembered = upload(this.manager, file, Map.of());
		assertThat(remembered.body().get("preview").get("mapping").get("fields").get("4").asString())
			.as("remembered for files of this layout")
			.isEqualTo("REGION");

		String other = this.company.token(this.company.otherManager);
		assertThat(this.api.sendRaw(other, "PUT", path, "{\"0\":\"CUSTOMER_NAME\"}").status()).isEqualTo(404);

		Api.Response commit = this.api.post(this.manager, "/api/v1/imports/" + id + "/commit",
				Map.of("duplicates", "SKIP", "owner", "ME"));
		assertThat(commit.status()).as(commit.toString()).isEqualTo(202);
		Eventually.value("the import committed", () -> this.api.get(this.manager, "/api/v1/imports/" + id).body(),
				body -> "COMMITTED".equals(body.get("status").asString()));
		Api.Response late = remap(path, "{\"0\":\"CUSTOMER_NAME\"}");
		assertThat(late.status()).as("the mapping of a committed import: " + late).isEqualTo(409);
		JsonNode rows = this.api.get(this.manager, "/api/v1/imports/" + id + "/rows").body().get("items");
		assertThat(rows.findValuesAsString("outcome")).as("each row's outcome after the commit")
			.containsExactly("CREATED", "REFUSED", "REFUSED", "SKIPPED");
		assertThat(rows.get(0).get("createdCustomerId").isNull()).as("the importer's own new customer").isFalse();

		HttpResponse<byte[]> report = this.multipart.download(this.manager, "/api/v1/imports/" + id + "/errors");
		assertThat(cells(report.body())).as("the reason quotes the bad cell")
			.anyMatch(cell -> cell.contains("手机号") && cell.contains("12345") && !cell.equals("12345"));
	}

	private Api.Response remap(String path, String body) {
		return this.api.sendRaw(this.manager, "PUT", path, body);
	}

	@Test
	void aLargerAllowanceIsAskedWithAReasonAndOnlyForRowsLeftUnchecked() {
		long id = previewed();
		String path = "/api/v1/imports/" + id + "/allowance-requests";
		Api.Response blank = this.api.post(this.manager, path, Map.of("reason", " "));
		assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
		assertThat(blank.body().get("fields").get("reason").asString()).isEqualTo("is required");
		Api.Response checked = this.api.post(this.manager, path, Map.of("reason", "团队客户迁入"));
		assertThat(checked.status()).as(checked.toString()).isEqualTo(409);
		assertThat(checked.text("error")).isEqualTo("nothing_unchecked");
		assertThat(this.api.get(this.manager, path).body().size()).as("no request made").isZero();
		Api.Response again = this.api.post(this.manager, "/api/v1/imports/" + id + "/recheck", Map.of());
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.body().get("preview").get("id").asLong()).isEqualTo(id);
	}

	@Test
	void badInputAnswersAtItsField() {
		ImportFiles.GbkCsv file = ImportFiles.gbkCsv(this.existing);
		assertThat(fields(upload(this.manager, file, Map.of("mapping", "{\"1\":\"SHOE_SIZE\"}"))))
			.containsKey("mapping[1]");
		assertThat(fields(upload(this.manager, file, Map.of("mapping", "{\"x\":\"PHONE\"}"))))
			.containsKey("mapping[x]");
		assertThat(fields(upload(this.manager, file, Map.of("mapping", "not json")))).containsKey("mapping");
		assertThat(fields(upload(this.manager, file, Map.of("mapping", "null")))).containsKey("mapping");
		assertThat(fields(this.api.post(this.manager, "/api/v1/imports", Map.of()))).containsKey("file");
		assertThat(fields(this.multipart.upload(this.manager, "/api/v1/imports", "file", "合同.doc", "application/msword",
				new byte[] { 1, 2, 3 })))
			.containsEntry("file", "is not an XLSX, CSV or vCard (.vcf) file");
		assertThat(fields(this.multipart.upload(this.manager, "/api/v1/imports", "file", "空.csv", CSV, new byte[0])))
			.containsKey("file");

		long id = previewed();
		assertThat(fields(this.api.get(this.manager, "/api/v1/imports/" + id + "/rows?verdict=MAYBE")))
			.containsKey("verdict");
		assertThat(fields(this.api.post(this.manager, "/api/v1/imports/" + id + "/commit", Map.of("owner", "ME"))))
			.containsKey("duplicates");
		assertThat(fields(this.api.post(this.manager, "/api/v1/imports/" + id + "/commit",
				Map.of("duplicates", "SKIP", "owner", "EMPLOYEE"))))
			.isNotEmpty();
		assertThat(Uploads.FOLDER).satisfies(ImportApiIntegrationTests::empty);
	}

	@Test
	void aFileOverTheLimitIsRefusedWithItsReason() {
		byte[] large = new byte[51 * 1024 * 1024];
		java.util.Arrays.fill(large, (byte) 'a');
		Api.Response refused = this.multipart.upload(this.manager, "/api/v1/imports", "file", "大文件.csv", CSV, large);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(fields(refused)).containsEntry("file", "is larger than 50 MB");
		assertThat(Uploads.FOLDER).satisfies(ImportApiIntegrationTests::empty);
	}

	@Test
	void anotherManagersImportIsNotFoundExactlyAsAMissingOne() {
		long id = previewed();
		String other = this.company.token(this.company.otherManager);
		for (String path : new String[] { "", "/rows", "/errors" }) {
			Api.Response theirs = this.api.get(other, "/api/v1/imports/" + id + path);
			Api.Response missing = this.api.get(other, "/api/v1/imports/987654321" + path);
			assertThat(theirs.status()).as(path + ": " + theirs).isEqualTo(404);
			assertThat(theirs.raw()).isEqualTo(missing.raw());
		}
		Api.Response commit = this.api.post(other, "/api/v1/imports/" + id + "/commit",
				Map.of("duplicates", "MERGE", "owner", "ME"));
		assertThat(commit.status()).isEqualTo(404);
		for (String path : new String[] { "/allowance-requests", "/recheck" }) {
			Api.Response theirs = this.api.post(other, "/api/v1/imports/" + id + path, Map.of("reason", "借用额度"));
			Api.Response missing = this.api.post(other, "/api/v1/imports/987654321" + path, Map.of("reason", "借用额度"));
			assertThat(theirs.status()).as(path + ": " + theirs).isEqualTo(404);
			assertThat(theirs.raw()).isEqualTo(missing.raw());
		}
		assertThat(this.api.get(other, "/api/v1/imports/" + id + "/allowance-requests").status()).isEqualTo(404);
		assertThat(this.api.get(other, "/api/v1/imports").body().findValuesAsString("id")).doesNotContain("" + id);
		assertThat(this.api.get(this.manager, "/api/v1/imports/" + id).body().get("status").asString())
			.as("nothing the other manager did changed it")
			.isEqualTo("PREVIEWED");
	}

	@Test
	void aSalesRepAnHrClerkAndAManagerServingNoticeMayNotImport() {
		long id = previewed();
		TestData.Employee leaving = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		this.company.data.leaving(leaving);
		Map<String, String> refused = Map.of("rep", this.company.token(this.company.owner), "hr",
				this.company.token(this.company.hr()), "leaving", this.company.token(leaving));
		refused.forEach((who, token) -> {
			Api.Response upload = upload(token, ImportFiles.gbkCsv(this.existing), Map.of());
			assertThat(upload.status()).as(who + ": " + upload).isEqualTo(403);
			assertThat(this.api.get(token, "/api/v1/imports/" + id).status()).as(who).isIn(403, 404);
			assertThat(this.api.get(token, "/api/v1/imports/templates/zh").status()).as(who).isEqualTo(403);
		});
		assertThat(upload(refused.get("leaving"), ImportFiles.gbkCsv(this.existing), Map.of()).body()
			.get("error")
			.asString()).isEqualTo("notice_period");
		assertThat(this.jdbc.sql("""
				select details::jsonb ->> 'fileName' || ' ' || (details::jsonb ->> 'reason') from audit_event
				where action = 'IMPORT_REFUSED' and actor_id = ?""").param(leaving.id()).query(String.class).list())
			.as("the upload the route refused, recorded with the file's name")
			.containsExactly("客户清单.csv notice_period", "客户清单.csv notice_period");
		assertThat(Uploads.FOLDER).satisfies(ImportApiIntegrationTests::empty);
	}

	@Test
	void refusedUploadsAreThrottledAndSummarisedNotAuditedOneByOne() {
		// the walk: 200 refused uploads in ten seconds, 200 audit events
		TestData.Employee flooder = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		String token = this.company.token(flooder);
		for (int i = 0; i < 10; i++) {
			Api.Response refused = this.multipart.upload(token, "/api/v1/imports", "file", "合同" + i + ".doc",
					"application/msword", new byte[] { 1, 2, 3 });
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		}
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> throttled = this.multipart.send(token, "/api/v1/imports", Map.of(), "file", "合同.doc",
					"application/msword", new byte[] { 1, 2, 3 });
			assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
			assertThat(throttled.headers().firstValue("Retry-After").map(Long::parseLong)).hasValue(60L);
		}
		assertThat(this.multipart
			.send(token, "/api/v1/imports", Map.of(), "file", "客户清单.csv", CSV,
					ImportFiles.gbkCsv(TestData.unique("深圳湾科技") + "有限公司").bytes())
			.statusCode()).as("a good file too, until the minute is over").isEqualTo(429);
		assertThat(this.jdbc
			.sql("select action, details from audit_event where actor_id = ? and action in"
					+ " ('IMPORT_REFUSED', 'RATE_LIMITED') order by id")
			.param(flooder.id())
			.query((rs, n) -> rs.getString(1)
					+ (rs.getString(1).equals("RATE_LIMITED") ? " " + rs.getString(2).replace(" ", "") : ""))
			.list()).as("ten refusals, then one summary with their count")
			.hasSize(11)
			.endsWith("RATE_LIMITED {\"kind\":\"import_refused\",\"refusedUploads\":10}")
			.filteredOn(a -> a.equals("IMPORT_REFUSED"))
			.hasSize(10);
	}

	private static Map<String, String> fields(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		response.body().get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
		return fields;
	}

	private static void empty(Path folder) {
		if (Files.isDirectory(folder)) {
			try (Stream<Path> left = Files.list(folder)) {
				assertThat(left).as("uploads left behind").isEmpty();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

	static java.util.List<String> cells(byte[] xlsx) throws IOException {
		java.util.List<String> cells = new java.util.ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					cells.add(cell.toString());
				}
			}
		}
		return cells;
	}

}
