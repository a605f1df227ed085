package dev.holdfast.pool;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
 * The public pool on a phone: a rep finds a customer by name and claims it with the
 * card's button (htmx swaps the card for the outcome), with screenshots.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	@Test
	void aRepClaimsACustomerFromThePoolOnAPhone() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department(TestData.unique("华中销售部"), null);
		TestData.Employee owner = data.employee("rep", department, null, "SALES");
		TestData.Employee rep = data.employee("rep", department, null, "SALES");
		String token = data.token(owner);
		String name = TestData.unique("武汉长江物流") + "有限公司";
		long customer = api
			.post(token, "/api/v1/customers", Map.of("name", name, "kind", "COMPANY", "level", "C", "industry", "物流"))
			.id();
		api.post(token, "/api/v1/customers/" + customer + "/return-to-pool", Map.of("reason", "客户暂无采购计划"));

		this.browser.logIn(rep.username(), TestData.PASSWORD);
		this.browser.viewport(Browser.PHONE);
		this.browser
			.open("/pool?lang=zh_CN&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(this.browser.find("#pool-customer-" + customer).getText()).contains(name).contains("物流");
		assertThat(this.browser.driver().getPageSource()).doesNotContain(owner.username());
		this.browser.screenshot("pool-phone");

		this.browser.click("#claim-" + customer);
		this.browser.waitForText("#pool-customer-" + customer + " .pool-claimed", "领取成功");
		this.browser.screenshot("pool-claimed-phone");
		assertThat(api.get(data.token(rep), "/api/v1/customers/" + customer).body().get("ownerId").asLong())
			.isEqualTo(rep.id());
		this.browser.viewport(Browser.DESKTOP);
	}

	/**
	 * Returning a customer to the pool from its page on a 390 px phone: the section fits,
	 * shows a blank reason again with its message without asking first, then asks for
	 * confirmation and returns it.
	 */
	@Test
	void aRepReturnsACustomerToThePoolFromItsPageOnAPhone() {
		Api api = new Api(this.port);
		TestData data = TestData.given(api, this.jdbc);
		long department = data.department(TestData.unique("华中销售部"), null);
		TestData.Employee owner = data.employee("rep", department, null, "SALES");
		long customer = data.customerOf(owner, "C");

		this.browser.logIn(owner.username(), TestData.PASSWORD);
		this.browser.viewport(390);
		this.browser.open("/customers/" + customer + "?lang=zh_CN");
		this.browser.click("#pool-return-details summary");
		this.browser.find("#pool-return-reason");
		this.browser.assertFits("the return to the pool on a phone");
		this.browser.screenshot("pool-return-390");

		// a blank reason is sent without asking first (no alert: the next step would fail
		// on
		// one), and comes back with its message
		this.browser.click("#pool-return-submit");
		this.browser.waitForText("#error-reason", "请您说明原因");
		this.browser.assertFits("the refused return on a phone");
		this.browser.screenshot("pool-return-refused-390");
		assertThat(data.ownerOf(customer)).isEqualTo(owner.id());

		this.browser.type("#pool-return-reason", "客户今年没有采购预算");
		this.browser.click("#pool-return-submit");
		this.browser.until(ExpectedConditions.alertIsPresent()).accept();
		this.browser.waitForText("#flash", "客户已退回公海");
		this.browser.screenshot("pool-returned-390");
		assertThat(data.ownerOf(customer)).isNull();
		this.browser.viewport(Browser.DESKTOP);
	}

}
