package dev.holdfast.pool;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.web.server.LocalServerPort;

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

}
