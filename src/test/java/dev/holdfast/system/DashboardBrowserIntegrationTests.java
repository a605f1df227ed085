package dev.holdfast.system;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.dashboard.DashboardWorld;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales manager opens the dashboard on a desktop and on a phone, in Chinese and in
 * English: the four charts are drawn (no CSP violation on the way) and the tables under
 * them carry the same figures. Then a rep reads a published know-how item on a phone.
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	private DashboardWorld world;

	@BeforeAll
	void setUp() {
		this.browser = new Browser(this.port);
		this.world = new DashboardWorld(new Api(this.port), this.jdbc);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theManagerSeesChartsAndTablesOnDesktopAndPhone() {
		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(this.world.manager.username(), TestData.PASSWORD);
		this.browser.open("/dashboard?lang=zh_CN");
		assertChartsDrawn();
		String alice = "测试" + this.world.alice.username();
		assertThat(this.browser.find("#followups-table").getText()).contains(alice);
		assertThat(this.browser.find("#overdue-table").getText()).contains(alice);
		assertThat(this.browser.find("#care-summary").getText()).contains("2 个已覆盖", "2 个只有负责人联系");
		this.browser.screenshot("dashboard-desktop-zh");
		assertThat(this.browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));

		this.browser.viewport(Browser.PHONE);
		this.browser.open("/dashboard?lang=en&departmentId=" + this.world.team);
		assertChartsDrawn();
		assertThat(this.browser.find("#followups-heading").getText()).isEqualTo("Follow-ups per rep and week");
		assertThat(this.browser.find("#followups-table").getText()).contains(alice)
			.doesNotContain("测试" + this.world.manager.username());
		Object overflow = ((JavascriptExecutor) this.browser.driver())
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
		assertThat(overflow).as("the page fits a phone; wide tables scroll inside their box").isEqualTo(false);
		this.browser.screenshot("dashboard-phone-en");
		this.browser.viewport(Browser.DESKTOP);
	}

	@Test
	void aRepReadsKnowHowOnAPhone() {
		Api api = new Api(this.port);
		String manager = this.world.data.token(this.world.manager);
		String rep = this.world.data.token(this.world.alice);
		long customer = api
			.post(rep, "/api/v1/customers",
					Map.of("name", TestData.unique("武汉长江物流") + "有限公司", "kind", "COMPANY", "level", "B", "industry",
							"物流业"))
			.id();
		long call = api
			.post(rep, "/api/v1/customers/" + customer + "/follow-ups",
					Map.of("kind", "CALL", "content", "给王总打电话13912345678，了解到旺季运力紧张，约了上门"))
			.id();
		long visit = api
			.post(rep, "/api/v1/customers/" + customer + "/follow-ups",
					Map.of("kind", "VISIT", "content", "上门拜访，带了同行案例，对方当场同意试用一个月"))
			.id();
		Api.Response published = api.post(manager, "/api/v1/know-how", Map.of("customerId", customer, "followUpIds",
				java.util.List.of(call, visit), "title", TestData.unique("旺季前先谈运力"), "lesson", "先找到客户的痛点，再用同行案例说话"));
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		long id = published.body().get("summary").get("id").asLong();

		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(this.world.alice.username(), TestData.PASSWORD);
		this.browser.viewport(Browser.PHONE);
		this.browser.open("/know-how?lang=zh_CN&kind=VISIT");
		this.browser.find("#knowhow-" + id);
		this.browser.screenshot("knowhow-library-phone");
		this.browser.click("#knowhow-" + id);
		this.browser.waitForText("#knowhow-descriptor", "某物流业B级客户");
		assertThat(this.browser.find("#knowhow-steps").getText()).contains("[电话]", "同行案例")
			.doesNotContain("13912345678");
		assertThat(this.browser.driver().findElements(org.openqa.selenium.By.id("knowhow-withdraw"))).isEmpty();
		this.browser.screenshot("knowhow-item-phone");
		this.browser.viewport(Browser.DESKTOP);
	}

	private void assertChartsDrawn() {
		for (String canvas : new String[] { "followups-canvas", "overdue-canvas", "pool-canvas", "care-canvas" }) {
			this.browser.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
				.executeScript("var c = document.getElementById(arguments[0]); return !!(c && c.chart);", canvas)));
		}
	}

}
