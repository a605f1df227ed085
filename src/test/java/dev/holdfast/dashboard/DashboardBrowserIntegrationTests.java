package dev.holdfast.dashboard;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales manager opens the dashboard on a desktop and on a phone, in Chinese and in
 * English: the four charts are drawn (no CSP violation on the way) and the tables under
 * them carry the same figures.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
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
		this.world = new DashboardWorld(new Api(this.port), this.jdbc);
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

	private void assertChartsDrawn() {
		for (String canvas : new String[] { "followups-canvas", "overdue-canvas", "pool-canvas", "care-canvas" }) {
			this.browser.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
				.executeScript("var c = document.getElementById(arguments[0]); return !!(c && c.chart);", canvas)));
		}
	}

}
