package dev.holdfast.imports.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.MultipartForm;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page {@code /imports} as its user and as an attacker: the form shows a refusal at
 * its field, a form posted without the CSRF token is refused, a rep gets 403, another
 * manager's import 404, and a preview's page lists its rows, filters them and polls its
 * progress only while the commit runs.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.holdfast.audit.AuditTrail audit;

	@Autowired
	dev.holdfast.organization.OrganizationManagement organization;

	private Company company;

	private String existing;

	@BeforeAll
	void company() {
		this.company = TestData.given(new Api(this.port)).company("西南区", "成都销售一组", "西北区");
		this.existing = TestData.unique("成都天府软件") + "有限公司";
		this.company.data.customer(this.company.owner, TestData.customerFields(this.existing));
	}

	private WebSession session(TestData.Employee employee) {
		WebSession session = new WebSession(this.port);
		assertThat(session.logIn(employee.username(), TestData.PASSWORD).statusCode()).isEqualTo(302);
		return session;
	}

	@Test
	void withoutAFileTheFormSaysSoAtItsField() {
		WebSession manager = session(this.company.manager);
		HttpResponse<String> page = manager.get("/imports?lang=zh_CN");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"nav-imports\"", "/imports/templates/zh", "/imports/templates/en");

		HttpResponse<String> refused = new MultipartForm(this.port).field("_csrf", WebSession.csrfToken(page))
			.post(manager, "/imports");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"error-file\"", "必填");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		WebSession manager = session(this.company.manager);
		String name = TestData.unique("无令牌") + ".csv";
		HttpResponse<String> refused = new MultipartForm(this.port)
			.file("file", name, ImportFiles.gbkCsv(this.existing).bytes())
			.post(manager, "/imports");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(manager.get("/imports").body()).doesNotContain(name);
	}

	@Test
	void aSalesRepAndAnHrClerkGetNoImportPage() {
		for (TestData.Employee refused : new TestData.Employee[] { this.company.owner, this.company.hr() }) {
			WebSession session = session(refused);
			assertThat(session.get("/imports").statusCode()).isEqualTo(403);
			assertThat(session.get("/imports/templates/zh").statusCode()).isEqualTo(403);
			assertThat(session.get("/").body()).doesNotContain("id=\"nav-imports\"");
			String name = TestData.unique("越权") + ".csv";
			HttpResponse<String> upload = new MultipartForm(this.port)
				.field("_csrf", WebSession.csrfToken(session.get("/")))
				.file("file", name, ImportFiles.gbkCsv(this.existing).bytes())
				.post(session, "/imports");
			assertThat(upload.statusCode()).isEqualTo(403);
			assertThat(this.jdbc.sql("""
					select details::jsonb ->> 'reason' from audit_event
					where action = 'IMPORT_REFUSED' and actor_id = ? and details::jsonb ->> 'fileName' = ?""")
				.params(refused.id(), name)
				.query(String.class)
				.list()).as("the refused upload recorded with its file's name").containsExactly("forbidden");
		}
	}

	@Test
	void rowsLeftUncheckedAreCheckedAgainOnceAnAdministratorApprovesTheImportersRequest() {
		TestData.Employee importer = this.company.data.employee("mgr", this.company.region, null, "SALES_MANAGER");
		dev.holdfast.SignedIn.as(this.organization, importer);
		// the day's 2,000 values used up but one
		this.audit.record(dev.holdfast.audit.AuditAction.DUPLICATES_CHECKED, "customer", null, Map.of("values", 1999));
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
		WebSession manager = session(importer);
		HttpResponse<String> uploaded = new MultipartForm(this.port)
			.field("_csrf", WebSession.csrfToken(manager.get("/imports")))
			.file("file", "客户清单.csv", ImportFiles.gbkCsv(this.existing).bytes())
			.post(manager, "/imports");
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		String path = location.substring(location.indexOf("/imports/"));
		HttpResponse<String> page = manager.get(path + "?lang=zh_CN");
		assertThat(page.body()).contains("id=\"import-allowance\"", "未查重的行", "id=\"import-allowance-form\"");

		HttpResponse<String> blank = manager.post(path + "/allowance-requests",
				Map.of("_csrf", WebSession.csrfToken(page), "reason", " "));
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(blank.body()).contains("id=\"error-reason\"");
		HttpResponse<String> asked = manager.post(path + "/allowance-requests",
				Map.of("_csrf", WebSession.csrfToken(page), "reason", "团队老客户迁入"));
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
		page = manager.get(path + "?lang=zh_CN");
		assertThat(page.body()).contains("id=\"import-allowance-status\"", "正在等待管理员审批")
			.doesNotContain("id=\"import-allowance-form\"");
		long request = this.jdbc.sql("select allowance_request_id from import_file where id = ?")
			.param(Long.parseLong(path.substring("/imports/".length())))
			.query(Long.class)
			.single();

		WebSession admin = new WebSession(this.port);
		assertThat(admin.logIn("admin", TestData.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		HttpResponse<String> list = admin.get("/admin/approvals?lang=en");
		assertThat(list.body()).contains("id=\"approval-" + request + "\"",
				"Larger allowance of duplicate checks for an import");
		assertThat(admin.get("/admin/approvals/" + request + "?lang=zh_CN").body()).contains("团队老客户迁入", "原因");
		HttpResponse<String> approved = admin.post("/admin/approvals/" + request + "/approve",
				Map.of("_csrf", WebSession.csrfToken(list)));
		assertThat(approved.statusCode()).as(approved.body()).isIn(200, 302, 303);

		page = manager.get(path + "?lang=en");
		assertThat(page.body()).contains("approved", "id=\"import-recheck\"");
		HttpResponse<String> rechecked = manager.post(path + "/recheck", Map.of("_csrf", WebSession.csrfToken(page)));
		assertThat(rechecked.statusCode()).isEqualTo(302);
		assertThat(manager.get(path).body()).as("every row checked: nothing left to ask for")
			.doesNotContain("id=\"import-allowance\"");
	}

	/**
	 * A vCard has no header row: the columns Holdfast names it by are shown in the
	 * importer's language, in the mapping and in the reasons.
	 */
	@Test
	void aVcardsColumnsAreNamedInTheImportersLanguage() {
		WebSession manager = session(this.company.manager);
		String csrf = WebSession.csrfToken(manager.get("/imports"));
		String vcf = String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "FN:" + TestData.unique("郑丽"),
				"ORG:" + TestData.unique("无锡太湖纺织") + "有限公司", "TEL:12345", "END:VCARD", "");
		HttpResponse<String> uploaded = new MultipartForm(this.port).field("_csrf", csrf)
			.file("file", "通讯录.vcf", vcf.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.post(manager, "/imports");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		String path = location.substring(location.indexOf("/imports/"));

		String chinese = manager.get(path + "?lang=zh_CN").body();
		assertThat(chinese).contains(">其他电话</label>", ">姓名</label>", "其他电话“12345”")
			.doesNotContain(">Other phone</label>", "Other phone“12345”");
		String english = manager.get(path + "?lang=en").body();
		assertThat(english).contains(">Other phone</label>", "Other phone &#39;12345&#39;");
		manager.get(path + "?lang=zh_CN");
	}

	@Test
	void thePreviewListsFiltersAndIsTheImportersOnly() {
		WebSession manager = session(this.company.manager);
		String csrf = WebSession.csrfToken(manager.get("/imports"));
		ImportFiles.GbkCsv file = ImportFiles.gbkCsv(this.existing);
		HttpResponse<String> uploaded = new MultipartForm(this.port).field("_csrf", csrf)
			.file("file", "客户清单.csv", file.bytes())
			.post(manager, "/imports");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/imports/\\d+$");
		String path = location.substring(location.indexOf("/imports/"));

		HttpResponse<String> preview = manager.get(path + "?lang=zh_CN");
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body())
			.contains(file.fresh(), file.invalid(), "id=\"import-commit-form\"", "id=\"import-mapping-form\"",
					"name=\"mapping[4]\"", "id=\"import-error-report\"")
			.doesNotContain("hx-trigger=\"every 1s\"");
		String picker = preview.body().substring(preview.body().indexOf("id=\"import-owner-id\""));
		picker = picker.substring(0, picker.indexOf("</select>"));
		assertThat(picker).as("the owner picker offers whom the importer may give customers to")
			.contains("value=\"" + this.company.owner.id() + "\"")
			.doesNotContain("value=\"" + this.company.outsider.id() + "\"");
		HttpResponse<String> invalid = manager.get(path + "?verdict=INVALID", "HX-Request", "true");
		assertThat(invalid.body()).startsWith("<section").contains(file.invalid()).doesNotContain(file.fresh());
		assertThat(manager.get(path + "?verdict=MAYBE").statusCode()).isEqualTo(400);
		assertThat(manager.get("/imports").body()).contains(path);

		WebSession other = session(this.company.otherManager);
		assertThat(other.get(path).statusCode()).isEqualTo(404);
		assertThat(other.get(path + "/errors").statusCode()).isEqualTo(404);
		HttpResponse<String> commit = other.post(path + "/commit",
				Map.of("_csrf", WebSession.csrfToken(other.get("/imports")), "duplicates", "SKIP", "owner", "ME"));
		assertThat(commit.statusCode()).isEqualTo(404);
	}

	@Test
	void theChoicesAreRefusedAtTheirFields() {
		WebSession manager = session(this.company.manager);
		String csrf = WebSession.csrfToken(manager.get("/imports"));
		HttpResponse<String> uploaded = new MultipartForm(this.port).field("_csrf", csrf)
			.file("file", "客户清单.csv", ImportFiles.gbkCsv(this.existing).bytes())
			.post(manager, "/imports");
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		String path = location.substring(location.indexOf("/imports/"));

		HttpResponse<String> noOwner = manager.post(path + "/commit?lang=zh_CN",
				Map.of("_csrf", csrf, "duplicates", "SKIP", "owner", "EMPLOYEE"));
		assertThat(noOwner.statusCode()).isEqualTo(422);
		assertThat(noOwner.body()).contains("id=\"import-commit-form\"").containsPattern("id=\"error-owner(Id)?\"");

		HttpResponse<String> twice = manager.post(path + "/mapping",
				Map.of("_csrf", csrf, "mapping[0]", "CUSTOMER_NAME", "mapping[2]", "CUSTOMER_NAME"));
		assertThat(twice.statusCode()).isEqualTo(422);
		assertThat(twice.body()).contains("id=\"error-mapping[2]\"");
	}

	@Test
	void theMappingIsCorrectedOnThePageWithoutTheFile() {
		WebSession manager = session(this.company.manager);
		String csrf = WebSession.csrfToken(manager.get("/imports"));
		HttpResponse<String> uploaded = new MultipartForm(this.port).field("_csrf", csrf)
			.file("file", "客户清单.csv", ImportFiles.gbkCsv(this.existing).bytes())
			.post(manager, "/imports");
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		String path = location.substring(location.indexOf("/imports/"));

		Map<String, String> form = new java.util.HashMap<>(Map.of("_csrf", csrf, "mapping[0]", "CUSTOMER_NAME",
				"mapping[1]", "CONTACT_NAME", "mapping[2]", "", "mapping[3]", "LEVEL", "mapping[4]", "REGION"));
		HttpResponse<String> corrected = manager.post(path + "/mapping", form);
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(302);
		assertThat(corrected.headers().firstValue("Location").orElseThrow()).endsWith(path);
		String page = manager.get(path + "?lang=zh_CN").body();
		// (read as notes, its numbers would be refused there: PHONE_IN_TEXT)
		assertThat(page).as("the phone column not imported: no row is invalid")
			.contains("<option value=\"REGION\" selected=\"selected\">", ">无效 0<");

		HttpResponse<String> commit = manager.post(path + "/commit",
				Map.of("_csrf", csrf, "duplicates", "SKIP", "owner", "ME"));
		assertThat(commit.statusCode()).isEqualTo(302);
		dev.holdfast.Eventually.value("the import committed", () -> manager.get(path).body(),
				body -> body.contains("import-outcome"));
		form.put("mapping[2]", "PHONE");
		HttpResponse<String> late = manager.post(path + "/mapping", form);
		assertThat(late.statusCode()).as("the mapping of an import that has started").isEqualTo(409);
	}

	@Test
	void theApiDescriptionOffersTheUploadAsMultipart() {
		tools.jackson.databind.JsonNode docs = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(session(this.company.manager).get("/api/docs").body());
		tools.jackson.databind.JsonNode upload = docs.path("paths").path("/api/v1/imports").path("post");
		tools.jackson.databind.JsonNode form = upload.path("requestBody").path("content").path("multipart/form-data");
		assertThat(form.path("schema").path("$ref").asString()).as(upload.toString())
			.isEqualTo("#/components/schemas/ImportUpload");
		tools.jackson.databind.JsonNode fields = docs.path("components")
			.path("schemas")
			.path("ImportUpload")
			.path("properties");
		assertThat(fields.path("file").path("format").asString()).isEqualTo("binary");
		assertThat(fields.has("mapping")).isTrue();
		assertThat(upload.path("parameters").toString()).as("no file or mapping as a query parameter")
			.doesNotContain("\"file\"", "\"mapping\"");
		assertThat(upload.path("responses").has("201")).isTrue();
		tools.jackson.databind.JsonNode remap = docs.path("paths").path("/api/v1/imports/{id}/mapping").path("put");
		assertThat(remap.path("requestBody").path("content").has("application/json")).as(remap.toString()).isTrue();
		assertThat(remap.path("parameters").toString()).doesNotContain("\"mapping\"");
	}

}
