package dev.holdfast.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Rectangle;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer page shows the care history and complaints beside the sales timeline on a
 * wide screen and below it on a phone; a manager moves a complaint on from the page; the
 * care pages render at phone width. Screenshots under target/screenshots.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	@BeforeAll
	void startBrowser() {
		this.browser = new Browser(this.port);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void careHistoryBesideTheSalesTimeline() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department("华中销售部", null);
		TestData.Employee manager = data.employee("mgr", department, null, "SALES_MANAGER");
		TestData.Employee rep = data.employee("rep", department, manager.id(), "SALES");
		TestData.Employee service = data.employee("svc", department, null, "SERVICE");
		String repToken = data.token(rep);
		long customer = api
			.post(repToken, "/api/v1/customers",
					Map.of("name", TestData.unique("武汉长江光电") + "有限公司", "kind", "COMPANY", "level", "A"))
			.id();
		api.post(repToken, "/api/v1/customers/" + customer + "/follow-ups",
				Map.of("kind", "VISIT", "content", "上门拜访技术部，演示了新一代光模块"));
		api.post(repToken, "/api/v1/customers/" + customer + "/follow-ups",
				Map.of("kind", "CALL", "content", "电话确认样品已收到，下周安排测试"));
		String managerToken = data.token(manager);
		long visit = api
			.post(managerToken, "/api/v1/customers/" + customer + "/care-visits", Map.of("dueOn",
					TestData.today().plusDays(2).toString(), "assigneeId", service.id(), "note", "了解样品测试体验"))
			.id();
		api.post(data.token(service), "/api/v1/care-visits/" + visit + "/outcome", Map.of("reached", true, "outcome",
				"客户对样品很满意，希望加快交付", "satisfaction", 4, "actions", List.of("协调生产排期", "两周后再次回访")));
		long complaint = api
			.post(managerToken, "/api/v1/customers/" + customer + "/complaints",
					Map.of("summary", "售后响应慢", "details", "设备故障报修后两天无人联系", "severity", "HIGH", "channel", "PHONE"))
			.id();
		api.post(managerToken, "/api/v1/complaints/" + complaint + "/transitions",
				Map.of("to", "IN_PROGRESS", "note", "已派工程师"));

		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(manager.username(), TestData.PASSWORD);
		this.browser.open("/customers/" + customer + "?lang=zh_CN");
		this.browser.waitForText("#care-on-behalf", "以公司名义");
		this.browser.waitForText("#follow-ups", "演示了新一代光模块");
		Rectangle timeline = this.browser.find("#follow-ups").getRect();
		Rectangle care = this.browser.find("#care").getRect();
		assertThat(care.getX()).as("beside the timeline").isGreaterThanOrEqualTo(timeline.getX() + timeline.getWidth());
		assertThat(Math.abs(care.getY() - timeline.getY())).as("at the same height").isLessThan(40);
		assertThat(this.browser.find("#care").getText()).contains("协调生产排期", "售后响应慢", "处理中", "★★★★☆");
		this.browser.screenshot("customer-care-desktop");

		this.browser.viewport(Browser.PHONE);
		this.browser.open("/customers/" + customer + "?lang=zh_CN");
		this.browser.waitForText("#care-on-behalf", "以公司名义");
		this.browser.waitForText("#follow-ups", "演示了新一代光模块");
		timeline = this.browser.find("#follow-ups").getRect();
		care = this.browser.find("#care").getRect();
		assertThat(care.getY()).as("below the timeline").isGreaterThanOrEqualTo(timeline.getY() + timeline.getHeight());
		assertThat(care.getWidth()).isEqualTo(timeline.getWidth());
		this.browser.screenshot("customer-care-phone");

		this.browser.click("#complaint-" + complaint + " .complaint-move button");
		this.browser.waitForText("#flash", "投诉已更新");
		this.browser.waitForText("#complaint-" + complaint + " .complaint-status", "已解决");

		this.browser.open("/complaints?lang=zh_CN");
		this.browser.waitForText("#complaint-" + complaint, "售后响应慢");
		this.browser.screenshot("complaints-phone");
		this.browser.open("/care/coverage?departmentId=" + department + "&lang=zh_CN");
		this.browser.find("#coverage-summary");
		this.browser.screenshot("care-coverage-phone");
		// the visited customer has its visitor on the team for now; this one has nobody
		// but its rep
		long alone = api
			.post(repToken, "/api/v1/customers",
					Map.of("name", TestData.unique("襄阳汉江汽配") + "有限公司", "kind", "COMPANY", "level", "A"))
			.id();
		this.browser.open("/key-accounts?departmentId=" + department + "&lang=zh_CN");
		this.browser.waitForText("#key-account-" + alone, "1 / 2");
		this.browser.screenshot("key-accounts-phone");
		this.browser.click("#key-account-" + alone + " .key-account-fix");
		this.browser.waitForText("#flash", "团队已补齐");
		this.browser.find("#no-violations");
		this.browser.viewport(Browser.DESKTOP);
	}

}
