package dev.holdfast.evidence;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence page in headless Chromium: an auditor on a phone builds a package for a
 * leaver and finds it in their list with its hash and download; the page in English on a
 * wide screen.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	@Test
	void anAuditorBuildsAPackageOnAPhone() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department("西北销售部", null);
		Employee manager = data.employee("mgr", department, null, "SALES_MANAGER");
		Employee leaver = data.employee("rep", department, manager.id(), "SALES");
		TestData.check(api.post(data.adminToken(), "/api/v1/employees/" + leaver.id() + "/resignation", Map
			.of("noticeDate", TestData.today().toString(), "lastWorkingDay", TestData.today().plusDays(10).toString())),
				201);
		Employee auditor = data.employee("auditor", null, null, "AUDITOR");

		this.browser.viewport(Browser.PHONE);
		this.browser.logIn(auditor.username(), TestData.PASSWORD);
		this.browser.open("/evidence?lang=zh_CN");
		assertThat(this.browser.find("h1").getText()).isEqualTo("证据包");
		new Select(this.browser.driver().findElement(By.id("evidence-employee")))
			.selectByValue(String.valueOf(leaver.id()));
		this.browser.setValue("#evidence-from", TestData.today().minusDays(30).toString());
		this.browser.click("#evidence-submit");
		assertThat(this.browser.find("#flash").getText()).contains("证据包已生成");
		assertThat(this.browser.find("#evidence-packages").getText()).contains("测试" + leaver.username(), "SHA-256",
				"下载");
		this.browser.assertFits("the evidence page on a phone");
		this.browser.screenshot("evidence-phone");

		this.browser.viewport(Browser.DESKTOP);
		this.browser.open("/evidence?lang=en");
		assertThat(this.browser.find("#evidence-form").getText()).contains("Employee", "Language of the summary");
		this.browser.screenshot("evidence-desktop-en");
		assertThat(this.browser.consoleMessages()).isEmpty();
	}

}
