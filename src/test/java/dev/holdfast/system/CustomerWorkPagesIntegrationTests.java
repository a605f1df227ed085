package dev.holdfast.system;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages of customer work typed by someone whose role has none: HR and auditors are
 * refused the reminders by the service (page and API), with a page that says why, and
 * find no link to them; the customer list and handover tasks tell them the same; the
 * other customer pages refuse them cleanly; a rep who may not export reads which
 * permission exports need.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerWorkPagesIntegrationTests {

	@LocalServerPort
	int port;

	private Api api;

	private TestData data;

	private long dept;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.dept = this.data.department("成都人事行政部", null);
	}

	@Test
	void hrAndAuditorsAreToldTheRemindersAreNotTheirWork() {
		for (String role : List.of("HR", "AUDITOR")) {
			Employee employee = this.data.employee("cdstaff", this.dept, null, role);
			WebSession web = signedIn(employee);
			HttpResponse<String> zh = web.get("/reminders?lang=zh_CN");
			assertThat(zh.statusCode()).as(role).isEqualTo(403);
			assertThat(zh.body()).as(role).contains("您没有客户工作").doesNotContain("id=\"reminders-");
			HttpResponse<String> en = web.get("/reminders?lang=en");
			assertThat(en.statusCode()).isEqualTo(403);
			assertThat(en.body()).contains("This page is for work with customers");
			assertThat(this.api.get(this.data.token(employee), "/api/v1/reminders").status()).as(role).isEqualTo(403);

			assertThat(web.get("/?lang=zh_CN").body()).as(role).doesNotContain("href=\"/reminders");
			assertThat(web.get("/notifications?lang=zh_CN").body()).as(role).doesNotContain("href=\"/reminders");
			for (String page : List.of("/customers", "/handover-tasks")) {
				HttpResponse<String> refused = web.get(page + "?lang=zh_CN");
				assertThat(refused.statusCode()).as(role + " " + page).isEqualTo(403);
				assertThat(refused.body()).as(role + " " + page).contains("您没有客户工作");
			}
			for (String page : List.of("/dashboard", "/pool", "/exports")) {
				HttpResponse<String> refused = web.get(page + "?lang=zh_CN");
				assertThat(refused.statusCode()).as(role + " " + page).isEqualTo(403);
				assertThat(refused.body()).as(role + " " + page).contains("id=\"error-message\"");
			}
		}
	}

	@Test
	void aRepWhoMayNotExportReadsWhichPermissionExportsNeed() {
		Employee rep = this.data.employee("cdrep", this.dept, null, "SALES");
		WebSession web = signedIn(rep);
		HttpResponse<String> zh = web.get("/exports?lang=zh_CN");
		assertThat(zh.statusCode()).isEqualTo(403);
		assertThat(zh.body()).contains("申请导出").contains("请联系管理员");
		assertThat(web.get("/exports?lang=en").body()).contains("requesting exports");
		assertThat(web.get("/reminders?lang=zh_CN").statusCode()).as("his own work").isEqualTo(200);
		assertThat(web.get("/customers?lang=zh_CN").statusCode()).as("his own work").isEqualTo(200);
		assertThat(web.get("/handover-tasks?lang=zh_CN").statusCode()).as("his own work").isEqualTo(200);
		assertThat(web.get("/notifications?lang=zh_CN").body()).contains("href=\"/reminders\"");
	}

	private WebSession signedIn(Employee employee) {
		WebSession web = new WebSession(this.port);
		web.logIn(employee.username(), TestData.PASSWORD);
		return web;
	}

}
