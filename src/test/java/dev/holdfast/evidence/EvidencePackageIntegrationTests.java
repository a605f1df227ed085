package dev.holdfast.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Eventually;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.Multipart;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;
import dev.holdfast.audit.AuditEventView;
import dev.holdfast.audit.AuditEvidence;
import dev.holdfast.offboarding.Departing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence package (issue 15, item 2): a rep reveals a phone number, exports, accepts
 * an agreement, writes a handover note naming a phone and departs; an auditor builds the
 * package. The manifest's sums recompute, the PDF has selectable Chinese text, every
 * audit event of the CSV recomputes to the hash the chain holds, and no phone number
 * appears unmasked in any file. Then the attackers: a rep, HR and managers cannot build
 * or download, and another administrator cannot see or download someone else's package.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackageIntegrationTests {

	private static final String PACKAGES = "/api/v1/evidence-packages";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	EvidenceExpiry expiry;

	Api api;

	TestData data;

	Company company;

	Employee rep;

	Employee auditor;

	String phone;

	String notePhone;

	String customerName;

	long packageId;

	String packageSha256;

	Map<String, byte[]> files;

	@BeforeAll
	void aRepWhoRevealedExportedAcceptedAndDeparted() {
		this.api = new Api(this.port);
		this.data = TestData.given(this.api, this.jdbc);
		this.company = this.data.company("华东区", "杭州销售三组", "华南区");
		Employee hr = this.company.hr();
		String ndaRole = this.data.agreementRole();
		// reps export when a role lets them
		String exporter = this.data.role("EXP", "导出", "SELF", List.of("export.request"));
		this.rep = this.company.rep(ndaRole, exporter);
		long agreement = this.data.agreement(hr, "证据", ndaRole);
		long version = this.data.publish(hr, agreement, 0, 12);
		String token = this.data.token(this.rep);
		check(this.api.post(token, "/api/v1/me/agreements/" + version + "/accept", null), 200);

		this.phone = TestData.uniqueMobile();
		this.customerName = "苏州" + TestData.unique("证据") + "精密机械有限公司";
		long customer = this.data.customerWithContact(this.rep, this.customerName, "王芳", this.phone);
		long contact = this.api.get(token, "/api/v1/customers/" + customer + "/contacts")
			.body()
			.get(0)
			.get("id")
			.asLong();
		Api.Response revealed = this.api.post(token, "/api/v1/contacts/" + contact + "/reveal",
				Map.of("field", "phone"));
		assertThat(revealed.raw()).as(revealed.toString()).contains(this.phone);
		Api.Response export = this.api.post(token, "/api/v1/exports", Map.of("entity", "customers", "format", "CSV",
				"unmasked", false, "filter", Map.of("q", this.customerName)));
		assertThat(export.text("status")).as(export.toString()).isEqualTo("READY");
		assertThat(download(token, "/api/v1/exports/" + export.id() + "/file").statusCode()).isEqualTo(200);

		long caseId = this.api
			.post(this.data.adminToken(), "/api/v1/employees/" + this.rep.id() + "/resignation", Map.of("noticeDate",
					TestData.today().toString(), "lastWorkingDay", TestData.today().toString(), "reason", "个人原因"))
			.id();
		this.notePhone = TestData.uniqueMobile();
		check(this.api.put(this.data.token(this.rep), "/api/v1/offboarding/" + caseId + "/notes/" + customer,
				Map.of("keyContacts", "王芳经理，手机 " + this.notePhone + "，周三下午方便", "promises", "年底前报价九五折")), 200);
		Departing.lastWorkingDaysEndedBefore(this.context, TestData.today().plusDays(1));
		assertThat(this.api.get(this.data.adminToken(), "/api/v1/employees/" + this.rep.id()).text("status"))
			.isEqualTo("DEPARTED");
		// after the departure the customer complains: a signal of the post-departure
		// watch, once the departure's listener has started the watch (a complaint
		// heard before that is left to the watch's job, which this test does not run)
		this.data.watchStarted(this.rep);
		this.auditor = this.data.employee("auditor", null, null, "AUDITOR");
		String watcher = this.data.token(this.auditor);
		check(this.api.post(this.data.token(this.company.manager), "/api/v1/customers/" + customer + "/complaints",
				Map.of("summary", "新负责人回复太慢", "severity", "HIGH", "channel", "PHONE")), 201);
		Eventually.value("the watch records the complaint",
				() -> this.api.get(watcher, "/api/v1/departure-watches/" + this.rep.id() + "/signals").raw(),
				raw -> raw.contains("COMPLAINT"));

		Api.Response built = this.api.post(this.data.token(this.auditor), PACKAGES, Map.of("employeeId", this.rep.id(),
				"from", TestData.today().minusDays(7).toString(), "to", TestData.today().toString()));
		assertThat(built.status()).as(built.toString()).isEqualTo(201);
		this.packageId = built.id();
		this.packageSha256 = built.text("sha256");
		HttpResponse<byte[]> zip = download(this.data.token(this.auditor), PACKAGES + "/" + this.packageId + "/file");
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(AuditEvidenceHashes.sha256(zip.body())).isEqualTo(this.packageSha256);
		this.files = unzip(zip.body());
	}

	@Test
	void theManifestListsEveryFileWithItsRecomputedSha256() {
		assertThat(this.files).containsKeys("summary.pdf", "lookback-chart.png", "activity-per-day.csv",
				"audit-events.csv", "post-departure-signals.csv", "chain-verification.txt", "MANIFEST.sha256");
		Map<String, String> listed = new LinkedHashMap<>();
		for (String line : text("MANIFEST.sha256").split("\n")) {
			String[] parts = line.split("  ", 2);
			listed.put(parts[1], parts[0]);
		}
		assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(
				this.files.keySet().stream().filter(name -> !name.equals("MANIFEST.sha256")).toList());
		listed.forEach(
				(name, sum) -> assertThat(AuditEvidenceHashes.sha256(this.files.get(name))).as(name).isEqualTo(sum));
		// the package's own hash is in the audit trail, with the building and the
		// download
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'EVIDENCE_BUILT' and target_id = ?
				  and details::jsonb ->> 'sha256' = ? and actor_id = ?""")
			.params(String.valueOf(this.packageId), this.packageSha256, this.auditor.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'EVIDENCE_DOWNLOADED' and target_id = ?")
					.param(String.valueOf(this.packageId))
					.query(Long.class)
					.single())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void thePdfHasSelectableChineseText() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(this.files.get("summary.pdf"))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("离职证据包", "测试" + this.rep.username(), "90 天回溯", "证据保密协议", "员工应对公司客户资料", "交接记录",
					this.customerName, "年底前报价九五折", "查看明文", "离职后信号", "投诉");
			// the look-back's chart, and the agreement's acceptance with its address
			assertThat(text).contains("浏览器");
			// the complaint's severity in words, not its code
			assertThat(text).contains(this.customerName + " 高").doesNotContain(this.customerName + " HIGH");
			// each page as an image, to look at: Chinese glyphs, not boxes
			PDFRenderer renderer = new PDFRenderer(pdf);
			for (int page = 0; page < pdf.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 110);
				ImageIO.write(image, "png", new File("target/evidence-summary-page" + (page + 1) + ".png"));
			}
			assertThat(new File("target/evidence-summary-page1.png")).exists();
		}
	}

	@Test
	void thePostDepartureSignalsAreInThePackage() {
		String signals = text("post-departure-signals.csv");
		assertThat(signals.lines().skip(1).toList()).singleElement()
			.satisfies(row -> assertThat(row).contains("COMPLAINT", this.customerName));
	}

	@Test
	void theCsvEventsVerifyAgainstTheChain() throws IOException {
		List<CSVRecord> rows;
		try (CSVParser csv = CSVParser.parse(
				new InputStreamReader(new ByteArrayInputStream(this.files.get("audit-events.csv")),
						StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			rows = csv.getRecords();
		}
		assertThat(rows).isNotEmpty();
		assertThat(rows.stream().map(r -> r.get("action"))).contains("CONTACT_REVEALED", "EXPORT_REQUESTED",
				"EXPORT_DOWNLOADED", "AGREEMENT_ACCEPTED");
		for (CSVRecord row : rows) {
			AuditEventView event = new AuditEventView(Long.parseLong(row.get("id")),
					Instant.parse(row.get("occurred_at")),
					nullable(row.get("actor_id")) == null ? null : Long.valueOf(row.get("actor_id")),
					nullable(row.get("actor_username")), row.get("action"), nullable(row.get("target_type")),
					nullable(row.get("target_id")), nullable(row.get("client_ip")), nullable(row.get("user_agent")),
					nullable(row.get("details")), row.get("prev_hash"), row.get("hash"));
			assertThat(AuditEvidence.hashOf(event)).as("event " + event.id()).isEqualTo(event.hash());
			// the chain holds that event with that hash, after the one whose hash it
			// names
			assertThat(this.jdbc.sql("select hash from audit_event where id = ?")
				.param(event.id())
				.query(String.class)
				.single()).isEqualTo(event.hash());
			assertThat(this.jdbc.sql("""
					select count(*) from audit_event a join audit_event b on b.chain_seq = a.chain_seq - 1
					where a.id = ? and b.hash = ?""").params(event.id(), event.prevHash()).query(Long.class).single())
				.isEqualTo(1);
			assertThat(row.get("hash_verified")).isEqualTo("true");
		}
		assertThat(text("chain-verification.txt")).contains("events_in_package=" + rows.size(),
				"events_whose_hash_recomputes=" + rows.size(), "chain_intact=");
	}

	@Test
	void noPhoneNumberAppearsUnmaskedAnywhereInThePackage() throws IOException {
		String pdfText;
		try (PDDocument pdf = Loader.loadPDF(this.files.get("summary.pdf"))) {
			pdfText = new PDFTextStripper().getText(pdf);
		}
		for (String number : List.of(this.phone, this.notePhone)) {
			assertThat(pdfText.replaceAll("\\s", "")).doesNotContain(number);
			this.files.forEach((name, content) -> assertThat(new String(content, StandardCharsets.ISO_8859_1)).as(name)
				.doesNotContain(number));
		}
		// the note is there, with its phone masked
		assertThat(pdfText).contains("王芳经理", this.notePhone.substring(0, 3) + "****" + this.notePhone.substring(7));
	}

	@Test
	void repsHrAndManagersCannotBuildOrDownload() {
		Map<String, Object> form = Map.of("employeeId", this.rep.id(), "from", TestData.today().toString(), "to",
				TestData.today().toString());
		for (Employee intruder : List.of(this.company.colleague, this.company.hr(), this.company.manager,
				this.company.otherManager)) {
			String token = this.data.token(intruder);
			assertThat(this.api.post(token, PACKAGES, form).status()).as(intruder.username()).isEqualTo(403);
			assertThat(this.api.get(token, PACKAGES).status()).isEqualTo(403);
			assertThat(this.api.get(token, PACKAGES + "/" + this.packageId).status()).isEqualTo(403);
			assertThat(download(token, PACKAGES + "/" + this.packageId + "/file").statusCode()).isEqualTo(403);
		}
	}

	@Test
	void anotherAdministratorCannotSeeOrDownloadSomeoneElsesPackage() {
		Employee admin = this.data.employee("evidence.admin", null, null, "ADMIN");
		String token = this.data.token(admin);
		Api.Response other = this.api.get(token, PACKAGES + "/" + this.packageId);
		Api.Response none = this.api.get(token, PACKAGES + "/987654321");
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.raw()).isEqualTo(none.raw());
		assertThat(download(token, PACKAGES + "/" + this.packageId + "/file").statusCode()).isEqualTo(404);
		assertThat(this.api.get(token, PACKAGES).raw()).doesNotContain(this.packageSha256);
		// the builder still has it
		assertThat(this.api.get(this.data.token(this.auditor), PACKAGES + "/" + this.packageId).text("sha256"))
			.isEqualTo(this.packageSha256);
	}

	@Test
	void anEnglishPackageExpiresLikeAnExport() throws IOException {
		String token = this.data.token(this.auditor);
		Api.Response built = this.api.post(token, PACKAGES, Map.of("employeeId", this.rep.id(), "from",
				TestData.today().minusDays(1).toString(), "to", TestData.today().toString(), "language", "en"));
		assertThat(built.status()).as(built.toString()).isEqualTo(201);
		HttpResponse<byte[]> file = download(token, PACKAGES + "/" + built.id() + "/file");
		// role walk: two packages of one period in two languages downloaded as one name
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("evidence-"
				+ this.rep.username() + "-" + TestData.today().minusDays(1) + "-" + TestData.today() + "-en.zip");
		WebSession web = new WebSession(this.port);
		web.logIn(this.auditor.username(), TestData.PASSWORD);
		assertThat(web.get("/evidence?lang=zh_CN").body()).as("the list says each package's language")
			.contains("id=\"package-language-" + built.id() + "\">English<");
		Map<String, byte[]> english = unzip(file.body());
		try (PDDocument pdf = Loader.loadPDF(english.get("summary.pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Evidence package", "Agreements accepted",
					"Handover record", "The employee keeps the company's customer data");
		}
		this.jdbc.sql("update evidence_package set expires_at = now() - interval '1 minute' where id = ?")
			.param(built.id())
			.update();
		assertThat(this.expiry.dropExpiredFiles()).isGreaterThanOrEqualTo(1);
		Api.Response expired = this.api.get(token, PACKAGES + "/" + built.id());
		assertThat(expired.body().get("available").asBoolean()).isFalse();
		assertThat(expired.text("sha256")).isEqualTo(built.text("sha256"));
		HttpResponse<byte[]> gone = download(token, PACKAGES + "/" + built.id() + "/file");
		assertThat(gone.statusCode()).isEqualTo(409);
		assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("evidence_expired");
	}

	@Test
	void contactDataInFullNeedsAnotherAdministratorsApprovalOfExactlyThatPackage() throws IOException {
		String token = this.data.token(this.auditor);
		String today = TestData.today().toString();
		Map<String, Object> unmasked = new LinkedHashMap<>(
				Map.of("employeeId", this.rep.id(), "from", today, "to", today, "unmasked", true));
		assertThat(this.api.post(token, PACKAGES, unmasked).raw()).contains("approvalId");
		Api.Response asked = this.api.post(token, PACKAGES + "/unmasked-requests",
				Map.of("employeeId", this.rep.id(), "from", today, "to", today, "reason", "律师函要求提供完整交接说明"));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
		unmasked.put("approvalId", asked.id());
		Api.Response pending = this.api.post(token, PACKAGES, unmasked);
		assertThat(pending.status()).isEqualTo(409);
		assertThat(pending.text("error")).isEqualTo("approval_pending");
		// the auditor cannot approve their own request; an administrator does
		assertThat(this.api.post(token, "/api/v1/admin/approvals/" + asked.id() + "/approve", Map.of()).status())
			.isEqualTo(403);
		Api.Response approved = this.api.post(this.data.adminToken(),
				"/api/v1/admin/approvals/" + asked.id() + "/approve", Map.of());
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		Map<String, Object> otherPeriod = new LinkedHashMap<>(unmasked);
		otherPeriod.put("from", TestData.today().minusDays(1).toString());
		assertThat(this.api.post(token, PACKAGES, otherPeriod).text("error")).isEqualTo("approval_mismatch");

		Api.Response built = this.api.post(token, PACKAGES, unmasked);
		assertThat(built.status()).as(built.toString()).isEqualTo(201);
		Map<String, byte[]> full = unzip(download(token, PACKAGES + "/" + built.id() + "/file").body());
		try (PDDocument pdf = Loader.loadPDF(full.get("summary.pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "")).contains(this.notePhone);
		}
		assertThat(this.api.post(token, PACKAGES, unmasked).text("error")).isEqualTo("approval_used");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'EVIDENCE_BUILT' and target_id = ?
				  and details::jsonb ->> 'unmasked' = 'true'""")
			.param(String.valueOf(built.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onThePageAnAuditorAsksForContactDataInFullAndBuildsItOnceApproved() {
		WebSession page = new WebSession(this.port);
		page.logIn(this.auditor.username(), TestData.PASSWORD);
		String csrf = WebSession.csrfToken(page.get("/evidence?lang=zh_CN"));
		String day = TestData.today().minusDays(2).toString();
		// without a reason: shown again at its field, nothing asked
		HttpResponse<String> refused = page.post("/evidence/unmasked-requests", Map.of("employeeId",
				String.valueOf(this.rep.id()), "from", day, "to", day, "reason", " ", "_csrf", csrf));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"error-reason\"");
		HttpResponse<String> asked = page.post("/evidence/unmasked-requests", Map.of("employeeId",
				String.valueOf(this.rep.id()), "from", day, "to", day, "reason", "律师要求核对交接说明原文", "_csrf", csrf));
		assertThat(asked.statusCode()).isEqualTo(302);
		long requestId = this.jdbc
			.sql("select max(id) from approval_request where action = 'EVIDENCE_UNMASKED' and requested_by = ?")
			.param(this.auditor.id())
			.query(Long.class)
			.single();
		String pending = page.get("/evidence").body();
		assertThat(pending).contains("id=\"unmasked-request-" + requestId + "\"", "待审批")
			.doesNotContain("id=\"build-unmasked-" + requestId + "\"");

		check(this.api.post(this.data.adminToken(), "/api/v1/admin/approvals/" + requestId + "/approve", Map.of()),
				200);
		assertThat(page.get("/evidence").body()).contains("id=\"build-unmasked-" + requestId + "\"");
		HttpResponse<String> built = page.post("/evidence", Map.of("employeeId", String.valueOf(this.rep.id()), "from",
				day, "to", day, "unmasked", "true", "approvalId", String.valueOf(requestId), "_csrf", csrf));
		assertThat(built.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from evidence_package where approval_id = ? and builder_id = ?")
			.params(requestId, this.auditor.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(page.get("/evidence").body()).contains("已生成")
			.doesNotContain("id=\"build-unmasked-" + requestId + "\"");
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoints() {
		WebSession web = new WebSession(this.port);
		web.logIn(this.auditor.username(), TestData.PASSWORD);
		assertThat(web.get("/api/docs").body()).contains("\"/api/v1/evidence-packages\"",
				"\"/api/v1/evidence-packages/{id}/file\"", "\"/api/v1/evidence-packages/unmasked-requests\"",
				"Build an evidence package for one employee and period");
	}

	@Test
	void badInputIs400FieldByField() {
		String token = this.data.token(this.auditor);
		Api.Response backwards = this.api.post(token, PACKAGES, Map.of("employeeId", this.rep.id(), "from",
				TestData.today().toString(), "to", TestData.today().minusDays(1).toString(), "language", "fr"));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.raw()).contains("\"to\"", "\"language\"");
		assertThat(this.api.post(token, PACKAGES, Map.of()).raw()).contains("employeeId", "from");
		assertThat(this.api
			.post(token, PACKAGES, Map.of("employeeId", 987_654_321L, "from", TestData.today().toString(), "to",
					TestData.today().toString()))
			.status()).isEqualTo(404);
	}

	private String text(String file) {
		return new String(this.files.get(file), StandardCharsets.UTF_8);
	}

	private static String nullable(String cell) {
		return cell == null || cell.isEmpty() ? null : cell;
	}

	private static void check(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
	}

	private HttpResponse<byte[]> download(String token, String path) {
		return new Multipart(this.port).download(token, path);
	}

	/** The files of a package, by name, in their order. */
	static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return files;
	}

	/** SHA-256 in hex, computed here rather than with the code under test. */
	static final class AuditEvidenceHashes {

		static String sha256(byte[] content) {
			try {
				return java.util.HexFormat.of()
					.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
