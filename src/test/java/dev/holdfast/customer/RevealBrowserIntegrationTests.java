package dev.holdfast.customer;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales rep on a phone sees a contact's number masked, taps the reveal button and gets
 * the number as a link to call, with the quota left, in headless Chromium.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevealBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	@Test
	void aRepRevealsAPhoneNumberForThisViewOnly() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department("西南销售部", null);
		TestData.Employee rep = data.employee("rep", department, null, "SALES");
		String token = data.token(rep);
		long customer = api
			.post(token, "/api/v1/customers", Map.of("name", TestData.unique("成都天府茶业") + "有限公司", "kind", "COMPANY"))
			.id();
		String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
		api.post(token, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "刘洋", "phone", phone, "email", "liuyang@tianfu.cn", "wechat", "liuyang_cd"));
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);

		this.browser.logIn(rep.username(), TestData.PASSWORD);
		this.browser.viewport(Browser.PHONE);
		this.browser.open("/customers/" + customer + "?lang=zh_CN");
		assertThat(this.browser.find(".masked-phone .masked-value").getText()).isEqualTo(masked);
		assertThat(this.browser.find("#reveals-left").getText()).contains("30");
		assertThat(this.browser.driver().getPageSource()).doesNotContain(phone);
		this.browser.screenshot("contact-masked-phone");

		this.browser.click(".masked-phone .reveal");
		this.browser.waitForText(".masked-phone .revealed", phone);
		assertThat(this.browser.find(".masked-phone .revealed").getAttribute("href")).isEqualTo("tel:" + phone);
		assertThat(this.browser.find(".masked-phone .reveals-left").getText()).contains("29");
		this.browser.waitForText("#reveals-left", "29");
		assertThat(this.browser.find(".masked-email .masked-value").getText()).isEqualTo("l***@tianfu.cn");
		this.browser.screenshot("contact-revealed-phone");

		this.browser.open("/customers/" + customer + "?lang=zh_CN");
		assertThat(this.browser.driver().findElements(By.cssSelector(".revealed"))).as("for this view only").isEmpty();
		this.browser.viewport(Browser.DESKTOP);
	}

}
