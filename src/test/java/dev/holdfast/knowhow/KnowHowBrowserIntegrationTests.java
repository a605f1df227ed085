package dev.holdfast.knowhow;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager publishes two follow-ups of a rep's customer as know-how; the rep reads it on
 * a phone, de-identified (the customer a "物流业B级客户", no phone number in the steps).
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
class KnowHowBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	@Test
	void aRepReadsKnowHowOnAPhone() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long region = data.department("华中大区", null);
		long team = data.department("武汉销售组", region);
		TestData.Employee leader = data.employee("mgr", region, null, "SALES_MANAGER");
		TestData.Employee alice = data.employee("rep", team, leader.id(), "SALES");
		String manager = data.token(leader);
		String rep = data.token(alice);
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
				List.of(call, visit), "title", TestData.unique("旺季前先谈运力"), "lesson", "先找到客户的痛点，再用同行案例说话"));
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		long id = published.body().get("summary").get("id").asLong();

		this.browser.logIn(alice.username(), TestData.PASSWORD);
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

}
