package dev.holdfast.customer;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales manager transfers a customer from its page and two more from the list, in
 * headless Chromium on a desktop and a phone.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	private Api api;

	private TestData data;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void aManagerTransfersACustomerAndThenTwoAtOnce() {
		long department = this.data.department("华中销售部", null);
		TestData.Employee manager = this.data.employee("mgr", department, null, "SALES_MANAGER");
		TestData.Employee rep = this.data.employee("rep", department, manager.id(), "SALES");
		TestData.Employee colleague = this.data.employee("rep", department, manager.id(), "SALES");
		String token = this.data.token(rep);
		long first = customer(token, "武汉长江船舶");
		long second = customer(token, "武汉光谷芯片");
		long third = customer(token, "武汉东湖茶叶");

		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(manager.username(), TestData.PASSWORD);
		this.browser.open("/customers/" + first + "?lang=zh_CN");
		this.browser.click("#transfer-details summary");
		new Select(this.browser.find("#t-owner")).selectByValue(String.valueOf(colleague.id()));
		new Select(this.browser.find("#t-access")).selectByValue("READ");
		this.browser.type("#t-reason", "原负责人调岗，客户交由同组同事跟进");
		this.browser.screenshot("transfer-desktop");
		this.browser.click("#transfer-submit");
		this.browser.until(ExpectedConditions.alertIsPresent()).accept();
		this.browser.waitForText("#flash", "客户已转移");
		assertThat(this.browser.find("#customer-owner").getText()).isEqualTo("测试" + colleague.username());
		assertThat(this.browser.find("#member-list").getText()).contains("测试" + rep.username()).contains("只读");

		this.browser.viewport(Browser.PHONE);
		this.browser.open("/customers?ownerId=" + rep.id());
		this.browser.click("#bulk-transfer summary");
		this.browser.click("#pick-" + second);
		this.browser.click("#pick-" + third);
		new Select(this.browser.find("#bt-owner")).selectByValue(String.valueOf(colleague.id()));
		this.browser.screenshot("bulk-transfer-phone");
		this.browser.click("#bulk-transfer-submit");
		this.browser.until(ExpectedConditions.alertIsPresent()).accept();
		this.browser.waitForText("#bulk-transferred", "已转移 2 个客户");
		this.browser.screenshot("bulk-transferred-phone");
		for (long id : new long[] { second, third }) {
			assertThat(this.api.get(this.data.token(colleague), "/api/v1/customers/" + id).status()).isEqualTo(200);
		}
		this.browser.viewport(Browser.DESKTOP);
	}

	private long customer(String token, String name) {
		return this.api
			.post(token, "/api/v1/customers", Map.of("name", TestData.unique(name) + "有限公司", "kind", "COMPANY"))
			.id();
	}

}
