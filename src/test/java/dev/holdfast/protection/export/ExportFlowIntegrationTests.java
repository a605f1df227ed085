package dev.holdfast.protection.export;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports as the issue asks: only visible rows, masked unless approved otherwise,
 * watermarked, with canaries; approval by someone else whose scope covers the requester;
 * the file for the requester only, while READY and not expired; leavers refused.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportFlowIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExportExpiry expiry;

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
	void aRequesterWhoseIdIsPastTheIntegerRangeExportsLikeAnyOther() {
		// the lock that keeps one requester's exports apart once cast the id to integer
		TestData.Employee big = new TestData.Employee(5_000_000_000L + this.company.manager.id(),
				TestData.unique("xbig"));
		this.jdbc.sql("""
				insert into employee (id, username, display_name, department_id, status, password_hash)
				select :id, :username, '测试' || :username, department_id, status, password_hash
				from employee where id = :like""")
			.param("id", big.id())
			.param("username", big.username())
			.param("like", this.company.manager.id())
			.update();
		this.jdbc.sql("""
				insert into employee_role (employee_id, role_id)
				select :id, role_id from employee_role where employee_id = :like""")
			.param("id", big.id())
			.param("like", this.company.manager.id())
			.update();
		Api.Response response = this.exports.export(big, "customers", "CSV", false, this.marked);
		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		assertThat(response.text("status")).isEqualTo("READY");
	}

	@Test
	void aSalesRepMayNotExport() {
		Api.Response response = this.exports.export(this.company.owner, "customers", "CSV", false, this.marked);
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
	}

	@Test
	void aSmallMaskedExportIsReadyAtOnceWithOnlyVisibleRowsAWatermarkAndCanaries() {
		Api.Response response = this.exports.export(this.company.manager, "contacts", "CSV", false, this.marked);
		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		assertThat(response.text("status")).isEqualTo("READY");
		long id = response.id();
		String csv = this.exports.csv(this.company.token(this.company.manager), id);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).contains("导出 #" + id).contains(this.company.manager.username());
		// six real contacts and three canaries after the watermark and the header
		assertThat(lines).hasSize(2 + 6 + 3);
		assertThat(csv).doesNotContain(this.marked.outsiderCustomer()).doesNotContain(this.marked.outsiderPhone());
		for (String phone : this.marked.repPhones()) {
			assertThat(csv).doesNotContain(phone).contains(phone.substring(0, 3) + "****" + phone.substring(7));
		}
		List<String> canaryPhones = this.jdbc.sql("select phone_normalized from export_canary where export_id = ?")
			.param(id)
			.query(String.class)
			.list();
		assertThat(canaryPhones).hasSize(3);
		for (String phone : canaryPhones) {
			assertThat(csv).doesNotContain(phone).contains(phone.substring(0, 3) + "****" + phone.substring(7));
		}
		assertThat(csv).doesNotContainIgnoringCase("canary");
		// contact addresses follow the export policy like the other fields
		assertThat(csv).doesNotContain("张江路").contains("上海市****");
		assertThat(
				this.jdbc.sql("select count(*) from customer where name in (select customer_name from export_canary)")
					.query(Long.class)
					.single())
			.as("canaries are never customers")
			.isZero();
	}

	@Test
	void anUnmaskedExportWaitsForApprovalBySomeoneElseWhoseScopeCoversTheRequester() {
		String manager = this.company.token(this.company.manager);
		Api.Response response = this.exports.export(this.company.manager, "contacts", "CSV", true, this.marked);
		assertThat(response.text("status")).isEqualTo("PENDING_APPROVAL");
		long id = response.id();
		assertThat(this.exports.download(manager, id).statusCode()).isEqualTo(409);

		assertThat(this.company.api.post(manager, "/api/v1/exports/" + id + "/approve", Map.of()).status())
			.as("nobody approves their own export")
			.isEqualTo(403);
		String other = this.company.token(this.company.otherManager);
		assertThat(this.company.api.post(other, "/api/v1/exports/" + id + "/approve", Map.of()).status())
			.isEqualTo(404);
		assertThat(this.company.api.get(other, "/api/v1/exports/" + id).raw())
			.isEqualTo(this.company.api.get(other, "/api/v1/exports/987654321").raw());

		String admin = this.company.data.adminToken();
		Api.Response approved = this.company.api.post(admin, "/api/v1/exports/" + id + "/approve", Map.of());
		assertThat(approved.text("status")).as(approved.toString()).isEqualTo("READY");
		assertThat(this.company.api.post(admin, "/api/v1/exports/" + id + "/approve", Map.of()).status())
			.isEqualTo(409);
		assertThat(this.exports.download(admin, id).statusCode()).as("only the requester downloads").isEqualTo(404);
		String csv = this.exports.csv(manager, id);
		assertThat(csv).contains(this.marked.repPhones().get(0))
			.doesNotContain(this.marked.outsiderPhone())
			.contains("张江路");
		assertThat(this.company.api.get(manager, "/api/v1/exports/" + id).text("status")).isEqualTo("READY");
	}

	@Test
	void aRejectedExportIsNeverReleased() {
		long id = this.exports.export(this.company.manager, "customers", "XLSX", true, this.marked).id();
		Api.Response rejected = this.company.api.post(this.company.data.adminToken(),
				"/api/v1/exports/" + id + "/reject", Map.of());
		assertThat(rejected.text("status")).isEqualTo("REJECTED");
		assertThat(this.exports.download(this.company.token(this.company.manager), id).statusCode()).isEqualTo(409);
	}

	@Test
	void moreRowsThanTheThresholdNeedApproval() {
		String marker = TestData.unique("批量");
		this.jdbc.sql("""
				insert into customer (name, normalized_name, kind, owner_id)
				select :m || '客户' || i || '有限公司', :m || '客户' || i, 'COMPANY', :owner from generate_series(1, 201) i""")
			.param("m", marker)
			.param("owner", this.company.owner.id())
			.update();
		Api.Response response = this.company.api.post(this.company.token(this.company.manager), "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV", "filter", Map.of("q", marker)));
		assertThat(response.text("status")).as(response.toString()).isEqualTo("PENDING_APPROVAL");
		assertThat(this.company.api.get(this.company.token(this.company.manager), "/api/v1/exports/" + response.id())
			.text("approvalReasons")).isEqualTo("ROWS_OVER_THRESHOLD");
	}

	@Test
	void anExportIsWrittenInTheRequestersLanguageWithTranslatedValues() {
		long id = this.exports.export(this.company.manager, "customers", "CSV", false, this.marked).id();
		List<String> lines = this.exports.csv(this.company.token(this.company.manager), id).lines().toList();
		assertThat(lines.get(0)).startsWith("守客 · 导出 #" + id).doesNotContain("Export").doesNotContain("Internal");
		assertThat(lines.get(1)).isEqualTo("客户名称,类型,级别,状态,行业,地区,负责人,联系人,电话,邮箱,更新时间");
		List<String> rows = lines.subList(2, lines.size());
		assertThat(rows).isNotEmpty()
			.allSatisfy(row -> assertThat(row).contains(",企业,").contains(",潜在,").doesNotContain("COMPANY"));
		assertThat(String.join("\n", rows)).contains("A 级").doesNotContain(",POTENTIAL,").doesNotContain(",A,");
	}

	@Test
	void theMachineReadableVariantKeepsTheCodesUnderEnglishHeaders() {
		Api.Response response = this.company.api.post(this.company.token(this.company.manager), "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV", "variant", "machine", "filter",
						Map.of("q", this.marked.marker())));
		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		List<String> lines = this.exports.csv(this.company.token(this.company.manager), response.id()).lines().toList();
		assertThat(lines.get(0)).contains("Export #" + response.id()).contains("Internal use only");
		assertThat(lines.get(1))
			.isEqualTo("Customer,Kind,Level,Status,Industry,Region,Owner,Contact,Phone,E-mail,Updated");
		assertThat(lines.subList(2, lines.size())).isNotEmpty()
			.allSatisfy(row -> assertThat(row).contains(",COMPANY,"));
	}

	@Test
	void anUnknownVariantIsABadRequest() {
		Api.Response response = this.company.api.post(this.company.token(this.company.manager), "/api/v1/exports",
				Map.of("entity", "customers", "variant", "excel"));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.raw()).contains("variant");
	}

	@Test
	void anExpiredFileIsNoLongerReleased() {
		long id = this.exports.export(this.company.manager, "follow-ups", "CSV", false, this.marked).id();
		this.jdbc.sql("update export_request set expires_at = now() - interval '1 minute' where id = ?")
			.param(id)
			.update();
		Api.Response refused = this.company.api.get(this.company.token(this.company.manager),
				"/api/v1/exports/" + id + "/file");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.raw()).contains("export_expired");
		this.expiry.deleteExpiredFiles();
		assertThat(this.jdbc.sql("select file is null from export_request where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).as("the expired file is deleted").isTrue();
	}

	@Test
	void formulasInCellsAreNeutralised() {
		String marker = TestData.unique("公式");
		this.company.data.customerWithContact(this.company.owner, "上海" + marker + "测试有限公司", "@SUM(1+1)",
				TestData.uniqueMobile());
		long id = this.exports.export(this.company.manager, "contacts", "CSV", false, marker).id();
		String csv = this.exports.csv(this.company.token(this.company.manager), id);
		assertThat(csv).contains("'@SUM(1+1)");
		for (String line : csv.lines().toList()) {
			assertThat(Arrays.stream(line.split(",")).map(c -> c.replace("\"", "")))
				.noneMatch(cell -> cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("-")
						|| cell.startsWith("@"));
		}
		assertThat(ExportFiles.neutralise("=HYPERLINK(\"http://evil.example\")")).startsWith("'=");
		assertThat(ExportFiles.neutralise("+8613912345678")).isEqualTo("'+8613912345678");
		assertThat(ExportFiles.neutralise("-1")).isEqualTo("'-1");
		assertThat(ExportFiles.neutralise("上海")).isEqualTo("上海");
	}

	@Test
	void aLeavingManagerIsRefusedByTheNoticePeriodPolicy() {
		TestData.Employee leaver = this.company.data.employee("xleaver", this.company.data.department("离职测试组", null),
				this.company.manager.id(), "SALES_MANAGER");
		String token = this.company.token(leaver);
		Api.Response resignation = this.company.api.post(this.company.data.adminToken(),
				"/api/v1/employees/" + leaver.id() + "/resignation", Map.of("noticeDate", TestData.today().toString(),
						"lastWorkingDay", TestData.today().plusDays(30).toString()));
		assertThat(resignation.status()).as(resignation.toString()).isEqualTo(201);
		Api.Response refused = this.company.api.post(token, "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.raw()).contains("notice_period");
		assertThat(this.jdbc.sql(
				"select count(*) from audit_event where action = 'ACCESS_DENIED' and actor_id = ? and details::text like ?")
			.params(leaver.id(), "%exports%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
