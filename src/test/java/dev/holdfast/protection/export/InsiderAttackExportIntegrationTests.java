package dev.holdfast.protection.export;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 against exports, as a manager pulling his team's customers would try it:
 * canaries that announce themselves by their phone range, their e-mail domain, their
 * mismatch with the filter or the row count (hole 8), and numbers typed into free text
 * that a masked export carried in clear without approval (hole 9).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderAttackExportIntegrationTests {

	private static final String MASKED_PHONE = "1[3-9]\\d\\*{4}\\d{4}";

	private static final String MASKED_EMAIL = "[a-z0-9]\\*{3}@[a-z0-9.-]+\\.[a-z]{2,}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Company company;

	private ExportClient exports;

	private ExportClient.Marked marked;

	/** Customers of the rep in several regions, industries, levels and stages. */
	private String marker;

	private long followedUp;

	@BeforeAll
	void setUp() {
		this.company = TestData.given(new Api(this.port)).company("华东区", "上海销售一组", "西南区");
		this.exports = new ExportClient(this.port, this.company.data);
		this.marked = this.exports.markedCustomers(this.company);
		this.marker = TestData.unique("筛");
		String token = this.company.token(this.company.owner);
		String[][] customers = { { "杭州", "浙江省杭州市", "电子", "A", "FOLLOWING" }, { "苏州", "江苏省苏州市", "机械", "A", "WON" },
				{ "杭州", "浙江省杭州市", "纺织", "A", "FOLLOWING" }, { "宁波", "浙江省宁波市", "物流", "B", "POTENTIAL" },
				{ "苏州", "江苏省苏州市", "电子", "A", "WON" }, { "南京", "江苏省南京市", "化工", "C", "LOST" },
				{ "杭州", "浙江省杭州市", "机械", "A", "FOLLOWING" }, { "宁波", "浙江省宁波市", "电子", "B", "FOLLOWING" } };
		String[] people = { "周敏", "吴刚", "郑丽", "孙涛", "马超", "朱琳", "胡杰", "郭静" };
		String[] brands = { "恒远", "嘉禾", "德信", "华联", "永安", "天和", "汇丰", "东方" };
		for (int i = 0; i < customers.length; i++) {
			String[] c = customers[i];
			Api.Response created = this.company.api.post(token, "/api/v1/customers",
					Map.of("name", c[0] + this.marker + brands[i] + c[2] + "有限公司", "kind", "COMPANY", "level", c[3],
							"status", c[4], "industry", c[2], "region", c[1]));
			TestData.check(created, 201);
			String phone = TestData.uniqueMobile();
			TestData.check(this.company.api.post(token, "/api/v1/customers/" + created.id() + "/contacts",
					Map.of("name", people[i], "phone", phone, "email", "p" + phone + "@client" + i + ".cn", "title",
							"采购经理", "address", c[1] + "滨江区江南大道" + (100 + i) + "号")),
					201);
			if (i == 0) {
				this.followedUp = created.id();
			}
		}
	}

	@Test
	void oneManagerCannotFloodTheApproversWithExportsThatWaitForThem() {
		TestData.Employee flooder = this.company.data.employee("xflood", null, null, "SALES_MANAGER");
		for (int i = 0; i < 5; i++) {
			Api.Response waiting = this.exports.export(flooder, "customers", "CSV", true, "zzzz无此客户");
			assertThat(waiting.text("status")).as(waiting.toString()).isEqualTo("PENDING_APPROVAL");
		}
		long before = exportsOf(flooder);

		Api.Response sixth = this.exports.export(flooder, "customers", "CSV", true, "zzzz无此客户");

		assertThat(sixth.status()).as(sixth.toString()).isEqualTo(409);
		assertThat(sixth.text("error")).isEqualTo("too_many_open_exports");
		assertThat(exportsOf(flooder)).as("nothing queued").isEqualTo(before);
		TestData.Employee colleague = this.company.data.employee("xcalm", null, null, "SALES_MANAGER");
		assertThat(this.exports.export(colleague, "customers", "CSV", false, this.marked).status())
			.as("the others export as before")
			.isEqualTo(202);
	}

	private long exportsOf(TestData.Employee employee) {
		return this.jdbc.sql("select count(*) from export_request where requester_id = ?")
			.param(employee.id())
			.query(Long.class)
			.single();
	}

	@Test
	void maskedCanariesLookLikeEveryOtherMaskedContact() {
		Api.Response export = this.exports.export(this.company.manager, "contacts", "CSV", false, this.marker);
		assertThat(export.text("status")).as(export.toString()).isEqualTo("READY");
		List<CSVRecord> rows = rows(this.exports.csv(this.company.token(this.company.manager), export.id()));
		Set<String> canaries = canaryNames(export.id());
		assertThat(canaries).hasSize(3);
		for (CSVRecord row : rows) {
			assertThat(row.get(3)).as(row.toString()).matches(MASKED_PHONE).doesNotStartWith("170");
			assertThat(row.get(4)).as(row.toString()).matches(MASKED_EMAIL).doesNotContainIgnoringCase("canary");
			assertThat(row.get(6)).as("addresses masked alike").matches("(浙江省|江苏省)\\p{IsHan}+市\\*{4}");
		}
	}

	@Test
	void aFilteredExportsCanariesMatchTheFilterAndTheRealRows() {
		Api.Response export = this.company.api.post(this.company.token(this.company.manager), "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV", "filter", Map.of("q", this.marker, "level", "A")));
		assertThat(export.text("status")).as(export.toString()).isEqualTo("READY");
		List<CSVRecord> rows = rows(this.exports.csv(this.company.token(this.company.manager), export.id()));
		Set<String> canaries = canaryNames(export.id());
		assertThat(canaries).hasSize(3);
		List<CSVRecord> real = rows.stream().filter(r -> !canaries.contains(r.get(0))).toList();
		assertThat(real).hasSize(5);
		for (CSVRecord row : rows) {
			assertThat(row.get(0)).as(row.toString()).contains(this.marker).endsWith("有限公司");
			assertThat(row.get(2)).as("every row matches level A, in words").isEqualTo("A 级");
			assertThat(row.get(8)).matches(MASKED_PHONE);
			assertThat(row.get(9)).matches(MASKED_EMAIL);
		}
		for (int column : List.of(1, 3, 4, 5, 6)) {
			Set<String> seen = real.stream().map(r -> r.get(column)).collect(Collectors.toSet());
			assertThat(rows).as("column " + column + " only holds values of real rows")
				.allSatisfy(r -> assertThat(seen).contains(r.get(column)));
		}
		List<String> updated = rows.stream().map(r -> r.get(10)).toList();
		assertThat(updated).as("canaries keep the newest-first order")
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());

		Api.Response shown = this.company.api.get(this.company.token(this.company.manager),
				"/api/v1/exports/" + export.id());
		assertThat(shown.body().get("rowCount").asInt()).as("the count covers every row of the file")
			.isEqualTo(rows.size())
			.isEqualTo(8);
	}

	@Test
	void aCanaryNeverSplitsOneCustomersContacts() {
		String token = this.company.token(this.company.owner);
		String marker = TestData.unique("联");
		for (int i = 0; i < 4; i++) {
			long customer = this.company.data.customerWithContact(this.company.owner, "上海" + marker + "联和贸易有限公司" + i,
					"钱" + i, TestData.uniqueMobile());
			TestData.check(this.company.api.post(token, "/api/v1/customers/" + customer + "/contacts",
					Map.of("name", "冯" + i, "phone", TestData.uniqueMobile(), "title", "财务")), 201);
		}
		Api.Response export = this.exports.export(this.company.manager, "contacts", "CSV", false, marker);
		List<CSVRecord> rows = rows(this.exports.csv(this.company.token(this.company.manager), export.id()));
		assertThat(rows).hasSize(8 + 3);
		List<String> customers = rows.stream().map(r -> r.get(0)).toList();
		Map<String, Integer> lastSeen = new HashMap<>();
		for (int i = 0; i < customers.size(); i++) {
			Integer last = lastSeen.put(customers.get(i), i);
			assertThat(last == null || last == i - 1).as("contacts of one customer stand together: " + customers)
				.isTrue();
		}
	}

	@Test
	void aMaskedFollowUpExportMasksNumbersAndAddressesInTheText() {
		String token = this.company.token(this.company.owner);
		String said = "13912345678 老板直接打这个，资料发 boss@client.example；备用号一三九 八七六五 四三二一，微信同号";
		TestData.check(this.company.api.post(token, "/api/v1/customers/" + this.followedUp + "/follow-ups",
				Map.of("kind", "CALL", "content", said)), 201);
		Api.Response export = this.exports.export(this.company.manager, "follow-ups", "CSV", false, this.marker);
		assertThat(export.text("status")).as("a masked export needs no approval").isEqualTo("READY");
		String csv = this.exports.csv(this.company.token(this.company.manager), export.id());
		assertThat(csv).doesNotContain("13912345678", "boss@client.example", "一三九 八七六五 四三二一")
			.contains("139****5678 老板直接打这个，资料发 b***@client.example；备用号139****4321，微信同号");
	}

	@Test
	void anUnmaskedExportOfSuchTextWaitsForApprovalAndSaysWhy() {
		String token = this.company.token(this.company.owner);
		String marker = TestData.unique("文");
		long customer = this.company.data.customerWithContact(this.company.owner, "上海" + marker + "文本科技有限公司", "褚红",
				TestData.uniqueMobile());
		TestData.check(this.company.api.post(token, "/api/v1/customers/" + customer + "/follow-ups",
				Map.of("kind", "VISIT", "content", "见了老板，他私人手机 138-0013-8000")), 201);
		Api.Response export = this.exports.export(this.company.manager, "follow-ups", "CSV", true, marker);
		assertThat(export.text("status")).isEqualTo("PENDING_APPROVAL");
		assertThat(this.company.api.get(this.company.token(this.company.manager), "/api/v1/exports/" + export.id())
			.text("approvalReasons")).contains("CONTACT_DATA_IN_TEXT");
		assertThat(this.exports.download(this.company.token(this.company.manager), export.id()).statusCode())
			.isEqualTo(409);
	}

	@Test
	void aContactsTitleIsFreeTextToo() {
		String marker = TestData.unique("职");
		long customer = this.company.data.customerWithContact(this.company.owner, "上海" + marker + "职务实业有限公司", "卫东",
				TestData.uniqueMobile());
		TestData.check(this.company.api.post(this.company.token(this.company.owner),
				"/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "蒋芳", "title", "老板娘 手机13698765432 邮箱 jiang＠client.example")), 201);
		Api.Response export = this.exports.export(this.company.manager, "contacts", "CSV", false, marker);
		String csv = this.exports.csv(this.company.token(this.company.manager), export.id());
		assertThat(csv).doesNotContain("13698765432", "jiang＠client.example")
			.contains("老板娘 手机136****5432 邮箱 j***@client.example");
	}

	@Test
	void aRepsOwnContactListShowsAPersonalCanaryLikeAnyContact() {
		Api.Response planted = this.company.api.post(this.company.data.adminToken(),
				"/api/v1/canaries/personal/" + this.company.owner.id(), Map.of());
		TestData.check(planted, 201);
		long canary = planted.body().get(0).get("customerId").asLong();
		String token = this.company.token(this.company.owner);
		Api.Response contacts = this.company.api.get(token, "/api/v1/customers/" + canary + "/contacts");
		assertThat(contacts.body().get(0).get("phone").asString()).matches(MASKED_PHONE).doesNotStartWith("170");
		assertThat(contacts.body().get(0).get("email").asString()).matches(MASKED_EMAIL)
			.doesNotContainIgnoringCase("canary");
		Api.Response detail = this.company.api.get(token, "/api/v1/customers/" + canary);
		assertThat(detail.text("region")).as("described like the rep's own customers")
			.isIn(List.of("上海市", "浙江省杭州市", "江苏省苏州市", "浙江省宁波市", "江苏省南京市"));
	}

	@Test
	void aLeakedMaskedFileIsStillTracedByItsCanariesButAMaskedNumberAloneProvesNothing() {
		Api.Response export = this.exports.export(this.company.manager, "contacts", "CSV", false, this.marker);
		String csv = this.exports.csv(this.company.token(this.company.manager), export.id());
		String admin = this.company.data.adminToken();
		Api.Response traced = this.exports.traceFile(admin, "名单.csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(traced.status()).as(traced.toString()).isEqualTo(200);
		var top = traced.body().get("exports").get(0);
		assertThat(top.get("exportId").asLong()).isEqualTo(export.id());
		assertThat(top.get("canaries").size()).as("masked canaries next to their names").isEqualTo(3);

		String phone = this.jdbc
			.sql("select phone_normalized from export_canary where export_id = ? order by id limit 1")
			.param(export.id())
			.query(String.class)
			.single();
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		Api.Response alone = this.exports.traceText(admin, masked + "\n" + TestData.uniqueMobile());
		assertThat(alone.status()).isEqualTo(200);
		assertThat(alone.raw()).as("a masked number looks like many real ones").doesNotContain(phone);

		String spelled = phone.chars()
			.mapToObj(c -> String.valueOf("零一二三四五六七八九".charAt(c - '0')))
			.collect(Collectors.joining());
		Api.Response disguised = this.exports.traceText(admin, "他给我的号码：" + spelled);
		assertThat(disguised.body().get("exports").get(0).get("exportId").asLong()).as(disguised.toString())
			.isEqualTo(export.id());
	}

	private Set<String> canaryNames(long exportId) {
		return Set.copyOf(this.jdbc.sql("select customer_name from export_canary where export_id = ?")
			.param(exportId)
			.query(String.class)
			.list());
	}

	/** The data rows of an export file: after the watermark and the header. */
	private static List<CSVRecord> rows(String csv) {
		try {
			List<CSVRecord> records = new ArrayList<>(CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords());
			return records.subList(2, records.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
