package dev.holdfast.audit;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of target and every fact of the trail in words: a contact by its name and
 * its customer's (never to a reader who may not see the customer), an owner change by the
 * people's names, roles by their labels, empty facts left out, and this server's own
 * address as words, in Chinese and in English.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditWordsIntegrationTests {

	@LocalServerPort
	int port;

	private TestData data;

	private TestData.Employee rep;

	private TestData.Employee successor;

	private TestData.Employee auditor;

	private String customerName;

	private long customerId;

	private long contactId;

	@BeforeAll
	void setUp() {
		Api api = new Api(this.port);
		this.data = new TestData(api);
		this.rep = this.data.employee("wordsrep", null, null, "SALES");
		this.successor = this.data.employee("wordsnext", null, null, "SALES");
		this.auditor = this.data.employee("wordsaudit", null, null, "AUDITOR");
		this.customerName = TestData.unique("杭州审计词") + "纺织有限公司";
		Api.Response created = api.post(this.data.token(this.rep), "/api/v1/customers",
				Map.of("name", this.customerName, "kind", "COMPANY", "level", "A", "region", "浙江省杭州市"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.customerId = created.id();
		Api.Response contact = api.post(this.data.token(this.rep), "/api/v1/customers/" + this.customerId + "/contacts",
				Map.of("name", "钱丽华", "phone", TestData.uniqueMobile()));
		assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
		this.contactId = contact.id();
		Api.Response moved = api.post(this.data.adminToken(), "/api/v1/customers/" + this.customerId + "/transfer",
				Map.of("newOwnerId", this.successor.id(), "oldOwnerAccess", "NONE"));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
	}

	@Test
	void aContactIsNamedWithItsCustomerInBothLanguages() {
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		String chinese = admin.get("/audit?targetType=contact&targetId=" + this.contactId).body();
		assertThat(chinese).contains("添加联系人")
			.contains("联系人：钱丽华 · " + this.customerName)
			.doesNotContain("联系人 #" + this.contactId)
			// the customer in the details by name too
			// the customer in the details by its name: the label already says 客户
			.contains("客户</dt>")
			.contains(">" + this.customerName + "<")
			.doesNotContain(">客户：" + this.customerName + "<")
			// this server's own address in words
			.contains(">本机<")
			.doesNotContain(">127.0.0.1<")
			.doesNotContain(">0:0:0:0:0:0:0:1<");
		admin.get("/audit?lang=en");
		String english = admin.get("/audit?targetType=contact&targetId=" + this.contactId).body();
		assertThat(english).contains("Contact 钱丽华 · " + this.customerName)
			.contains(">This server<")
			.doesNotContain("本机");
	}

	@Test
	void anOwnerChangeNamesThePeopleNotTheirNumbers() {
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		String body = admin.get("/audit?action=CUSTOMER_TRANSFERRED&targetType=customer&targetId=" + this.customerId)
			.body();
		assertThat(body).contains(">测试" + this.rep.username() + " (" + this.rep.username() + ")<")
			.contains(">测试" + this.successor.username() + " (")
			.doesNotContain(">" + this.rep.id() + "<")
			.doesNotContain(">" + this.successor.id() + "<")
			// the previous owner's access by its label; an unset expiry is left out
			.doesNotContain(">NONE<")
			.doesNotContain(">null<");
	}

	@Test
	void anEmployeesRolesReadAsLabelsAndAnEmptyDepartmentIsLeftOut() {
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);
		String body = auditor.get("/audit?action=EMPLOYEE_CREATED&targetType=employee&targetId=" + this.rep.id())
			.body();
		assertThat(body).contains(">销售<").doesNotContain(">SALES<").doesNotContain(">null<").doesNotContain("部门</dt>");
	}

	@Test
	void aReaderWhoMayNotSeeTheCustomerReadsNeitherItsNameNorItsContactsName() {
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);
		String body = auditor.get("/audit?targetType=contact&targetId=" + this.contactId).body();
		assertThat(body).contains("添加联系人")
			.contains("联系人 #" + this.contactId)
			.doesNotContain("钱丽华")
			.doesNotContain(this.customerName);
		// nor may the name search find it
		String searched = auditor.get("/audit?targetType=customer&targetName=杭州审计词").body();
		assertThat(searched).contains("没有您可查看的此类对象符合这个名称").doesNotContain(this.customerName);
		// and lists no events: before, every customer's events followed the "no match"
		assertThat(searched).as("no event rows").doesNotContain("<tr title=\"#");
		assertThat(auditor.get("/audit?targetType=customer").body()).as("the same kind without a name lists events")
			.contains("<tr title=\"#");
	}

	@Test
	void aCustomerIsChosenByNameAndKindsThatAreFewArePickLists() {
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		String body = admin
			.get("/audit?targetType=customer&targetName="
					+ this.customerName.substring(0, this.customerName.length() - 6))
			.body();
		assertThat(body).contains("name=\"targetId\" value=\"" + this.customerId + "\"")
			.contains("客户：" + this.customerName)
			.contains("创建客户");
		String roles = admin.get("/audit?targetType=role").body();
		assertThat(roles).contains(">审计员</option>").doesNotContain("name=\"targetName\"");
	}

	@Test
	void anExportIsNamedByWhatWhenAndWhoOnlyToThoseWhoMaySeeIt() {
		// a manager of a department of his own exports: the administrator sees every row
		// of
		// the shared test database, including one another test makes unreadable on
		// purpose
		TestData.Employee manager = this.data.employee("wordsexporter", this.data.department("厦门思明销售组", null), null,
				"SALES_MANAGER");
		Api.Response export = new Api(this.port).post(this.data.token(manager), "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV"));
		assertThat(export.status()).as(export.toString()).isBetween(200, 202);
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		assertThat(admin.get("/audit?action=EXPORT_REQUESTED&targetType=export&targetId=" + export.id()).body())
			.contains("导出：")
			.contains("管理员")
			.doesNotContain("导出 #" + export.id());
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);
		assertThat(auditor.get("/audit?action=EXPORT_REQUESTED&targetType=export&targetId=" + export.id()).body())
			.contains("导出 #" + export.id());
	}

	@Test
	void aRoleIsNamedByItsNameAndItsScopeByItsLabel() {
		String name = TestData.unique("华东审计角色");
		Api.Response role = new Api(this.port).post(this.data.adminToken(), "/api/v1/roles",
				Map.of("code", "AUDITWORDS_" + System.nanoTime(), "name", name, "dataScope", "DEPARTMENT",
						"permissions", java.util.List.of("customer.create")));
		assertThat(role.status()).as(role.toString()).isEqualTo(201);
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);
		assertThat(auditor.get("/audit?targetType=role&targetId=" + role.id()).body()).contains("角色：" + name)
			.contains(">本部门的客户<")
			.doesNotContain(">DEPARTMENT<");
	}

	@Test
	void anExportsStatusReadsAsItsLabel() throws InterruptedException {
		// a manager of a department of his own exports: the administrator sees every row
		// of
		// the shared test database, including one another test makes unreadable on
		// purpose
		TestData.Employee manager = this.data.employee("wordsexporter", this.data.department("厦门思明销售组", null), null,
				"SALES_MANAGER");
		Api.Response export = new Api(this.port).post(this.data.token(manager), "/api/v1/exports",
				Map.of("entity", "customers", "format", "CSV"));
		assertThat(export.status()).as(export.toString()).isBetween(200, 202);
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		// the file is prepared in the background, and its request is recorded when it is
		String page = "/audit?action=EXPORT_REQUESTED&targetType=export&targetId=" + export.id();
		String body = admin.get(page).body();
		for (int i = 0; i < 100 && !body.contains("状态</dt>"); i++) {
			Thread.sleep(100);
			body = admin.get(page).body();
		}
		assertThat(body).contains("状态</dt>")
			.doesNotContain(">READY<")
			.doesNotContain(">PENDING_APPROVAL<")
			.satisfiesAnyOf(b -> assertThat(b).contains(">可下载<"), b -> assertThat(b).contains(">待审批<"));
	}

	@Test
	void aRefusalReadsAsTheMissingPermissionInTheReadersLanguage() {
		TestData.Employee refused = this.data.employee("wordsrefused", null, null, "SALES");
		Api.Response denied = new Api(this.port).get(this.data.token(refused), "/api/v1/audit-events");
		assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		String chinese = admin.get("/audit?action=ACCESS_DENIED&actorId=" + refused.id()).body();
		assertThat(chinese).contains(">缺少权限：查看审计日志<")
			.contains(">GET /api/v1/audit-events<")
			.doesNotContain("missing permission")
			.doesNotContain(">forbidden<")
			.doesNotContain("说明</dt>");
		admin.get("/audit?lang=en");
		String english = admin.get("/audit?action=ACCESS_DENIED&actorId=" + refused.id()).body();
		assertThat(english).contains(">Missing permission: Read the audit trail<").doesNotContain("missing permission");
	}

	@Test
	void changingOnlyTheManagerIsNoChangeOfRolesAndNamesTheField() {
		TestData.Employee manager = this.data.employee("wordsboss", null, null, "SALES_MANAGER");
		TestData.Employee member = this.data.employee("wordsmember", null, null, "SALES");
		Api api = new Api(this.port);
		Api.Response changed = api.patch(this.data.adminToken(), "/api/v1/employees/" + member.id(),
				Map.of("managerId", manager.id(), "roles", java.util.List.of("SALES")));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		Api.Response roles = api.get(this.data.adminToken(),
				"/api/v1/audit-events?action=EMPLOYEE_ROLES_CHANGED&targetType=employee&targetId=" + member.id());
		assertThat(roles.body().get("total").asLong()).as(roles.toString()).isZero();
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		String body = admin.get("/audit?action=EMPLOYEE_UPDATED&targetType=employee&targetId=" + member.id()).body();
		assertThat(body).contains("字段</dt>").contains(">上级<").doesNotContain(">managerId<");
	}

	@Test
	void aDepartmentIsNotNamedTwiceAndAReadsCountsSayWhatTheyCount() {
		long department = this.data.department("华东销售部", null);
		TestData.Employee placed = this.data.employee("wordsplaced", department, null, "SALES");
		Api api = new Api(this.port);
		String owner = this.data.token(this.successor);
		assertThat(api.get(owner, "/api/v1/customers").status()).isEqualTo(200);
		assertThat(api.get(owner, "/api/v1/customers/" + this.customerId).status()).isEqualTo(200);
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);
		String created = auditor.get("/audit?action=EMPLOYEE_CREATED&targetType=employee&targetId=" + placed.id())
			.body();
		assertThat(created).contains("部门</dt>").contains(">华东销售部").doesNotContain(">部门：");
		String read = auditor.get("/audit?action=CUSTOMER_DATA_READ&actorId=" + this.successor.id()).body();
		assertThat(read).contains("列表显示的行数</dt>").contains("打开的客户详情数</dt>").doesNotContain("记录数</dt>");
		auditor.get("/audit?lang=en");
		String english = auditor.get("/audit?action=EMPLOYEE_CREATED&targetType=employee&targetId=" + placed.id())
			.body();
		assertThat(english).contains("Department</dt>").doesNotContain("mb-0\">Department ");
	}

	@Test
	void aCustomerListsFactsReadAsLabelsNotAsTheirKeys() {
		Api api = new Api(this.port);
		assertThat(api.get(this.data.token(this.successor), "/api/v1/customers").status()).isEqualTo(200);
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);
		String listed = auditor.get("/audit?action=CUSTOMERS_LISTED&actorId=" + this.successor.id()).body();
		assertThat(listed).contains("总数为精确值</dt>").doesNotContain("audit.detail.");
	}

	@Test
	void thePagerOffersNoPageBeforeTheFirstNorAfterTheLast() {
		TestData.Employee reader = this.data.employee("wordspager", null, null, "AUDITOR");
		Api api = new Api(this.port);
		String token = this.data.token(reader);
		for (int i = 0; i < 51; i++) {
			assertThat(api.get(token, "/api/v1/audit-events?size=1").status()).isEqualTo(200);
		}
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		String filter = "/audit?action=AUDIT_SEARCHED&actorId=" + reader.id();
		String first = admin.get(filter).body();
		assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"").doesNotContain("page=-1");
		String last = admin.get(filter + "&page=1").body();
		assertThat(last).contains("rel=\"prev\"").doesNotContain("rel=\"next\"").doesNotContain("page=2");
	}

	private WebSession session(String username, String password) {
		WebSession session = new WebSession(this.port);
		session.logIn(username, password);
		return session;
	}

}
