package dev.holdfast.audit;

import java.net.http.HttpResponse;
import java.util.List;
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
 * The audit page speaks people's words: actors by name, actions by label, targets by name
 * only where the reader may see them, details as labelled values, and filters to pick
 * from rather than codes to type.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPageIntegrationTests {

	@LocalServerPort
	int port;

	private TestData data;

	private TestData.Employee rep;

	private TestData.Employee auditor;

	private String customerName;

	private long customerId;

	@BeforeAll
	void setUp() {
		Api api = new Api(this.port);
		this.data = new TestData(api);
		this.rep = this.data.employee("auditrep", null, null, "SALES");
		this.auditor = this.data.employee("auditpage", null, null, "AUDITOR");
		this.customerName = TestData.unique("苏州审计页") + "精密机械有限公司";
		Api.Response created = api.post(this.data.token(this.rep), "/api/v1/customers",
				Map.of("name", this.customerName, "kind", "COMPANY", "level", "B", "region", "江苏省苏州市"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.customerId = created.id();
	}

	@Test
	void anAdministratorReadsNamesLabelsAndDetailsInsteadOfCodes() {
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		HttpResponse<String> page = admin
			.get("/audit?action=CUSTOMER_CREATED&targetType=customer&targetId=" + this.customerId);
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("创建客户")
			.contains("测试" + this.rep.username() + " (" + this.rep.username() + ")")
			.contains("客户：" + this.customerName)
			// the details: the owner by name, under a label
			.contains(">负责人<")
			.doesNotContain("{&quot;ownerId&quot;")
			.doesNotContain(">CUSTOMER_CREATED<");
		// the filters are pick-lists: labelled actions, people, kinds of record
		assertThat(body).contains("<option value=\"CUSTOMERS_LISTED\">查看客户列表</option>")
			.contains("value=\"" + this.rep.id() + "\">测试" + this.rep.username())
			.contains("<option value=\"customer\" selected=\"selected\">客户</option>")
			.doesNotContain("placeholder=\"LOGIN_SUCCEEDED\"");
	}

	@Test
	void departmentsAndOffboardingCasesAreNamedToo() {
		String name = TestData.unique("审计西北大区");
		long department = this.data.department(name, null);
		TestData.Employee leaver = this.data.employee("auditleaver", department, null, "SALES");
		// who takes over works on the leaver's line
		TestData.Employee lead = this.data.employee("auditlead", department, null, "SALES_MANAGER");
		Api api = new Api(this.port);
		Api.Response resigned = api.post(this.data.adminToken(), "/api/v1/employees/" + leaver.id() + "/resignation",
				Map.of("noticeDate", TestData.today().toString(), "lastWorkingDay",
						TestData.today().plusDays(30).toString(), "reason", "个人原因", "managerId", lead.id()));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(201);
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);

		assertThat(auditor.get("/audit?targetType=department&targetId=" + department).body()).contains("部门：" + name)
			.doesNotContain("部门 #" + department);
		assertThat(auditor.get("/audit?targetType=offboarding_case&targetId=" + resigned.id()).body())
			.contains("：测试" + leaver.username())
			.doesNotContain("#" + resigned.id() + "<");
	}

	@Test
	void anAuditorWhoMayNotSeeTheCustomerReadsOnlyItsKindAndNumber() {
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);
		HttpResponse<String> page = auditor.get("/audit?targetType=customer&targetId=" + this.customerId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("创建客户").contains("客户 #" + this.customerId).doesNotContain(this.customerName);
	}

	@Test
	void inEnglishTheSamePageIsInEnglishOnly() {
		WebSession admin = session("admin", TestData.ADMIN_PASSWORD);
		admin.get("/audit?lang=en");
		String body = admin.get("/audit?action=CUSTOMER_CREATED&targetType=customer&targetId=" + this.customerId)
			.body();
		assertThat(body).contains("Customer created").contains("Customer " + this.customerName).doesNotContain("创建客户");
	}

	@Test
	void aDateBeyondTheDatabasesYearsIs400AndTheFirstAndLastYearsAreShown() {
		WebSession auditor = session(this.auditor.username(), TestData.PASSWORD);
		for (String query : List.of("from=-4714-01-01", "to=%2B294277-01-01", "from=-999999999-01-01",
				"to=%2B999999999-12-31")) {
			assertThat(auditor.get("/audit?" + query).statusCode()).as(query).isEqualTo(400);
		}
		assertThat(auditor.get("/audit?from=0001-01-01&to=9999-12-31").statusCode()).isEqualTo(200);
	}

	private WebSession session(String username, String password) {
		WebSession session = new WebSession(this.port);
		session.logIn(username, password);
		return session;
	}

}
