package dev.holdfast.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer page and the error pages at 375 px (a phone) and 1366 px (a laptop), in
 * both languages, with screenshots under {@code target/screenshots}: nothing wider than
 * the screen, no button label on two lines, and on the phone the customer's contacts
 * (with a call button once revealed) before the quick follow-up form, which comes before
 * the timeline. Every role's home page is checked the same way in
 * {@link HomeBrowserIntegrationTests}.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLayoutBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	private TestData data;

	private Api api;

	private long department;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.department = this.data.department(TestData.unique("华北销售部"), null);
	}

	@Test
	void theCustomerPageStartsWithTheContactsOnAPhone() {
		TestData.Employee rep = this.data.employee("rep", this.department, null, "SALES");
		String token = this.data.token(rep);
		long customer = this.api
			.post(token, "/api/v1/customers",
					Map.of("name", TestData.unique("北京燕山精密机械") + "有限公司", "kind", "COMPANY", "level", "A"))
			.id();
		String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
		this.api.post(token, "/api/v1/customers/" + customer + "/contacts",
				Map.of("name", "赵丽", "title", "采购总监", "phone", phone, "email", "zhaoli@yanshan.cn"));
		this.api.post(token, "/api/v1/customers/" + customer + "/follow-ups",
				Map.of("kind", "VISIT", "content", "拜访了赵总，讨论了明年的采购计划。"));

		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(rep.username(), TestData.PASSWORD);
		for (String language : List.of("zh_CN", "en")) {
			this.browser.viewport(Browser.PHONE);
			this.browser.open("/customers/" + customer + "?lang=" + language);
			this.browser.find("#followup-form");
			this.browser.find("#timeline");
			this.browser.assertFits("customer-375-" + language);
			assertThat(top("#customer-name")).isLessThan(top("#contacts"));
			assertThat(top("#contacts")).as("contacts above the quick follow-up form")
				.isLessThan(top("#followup-form"));
			assertThat(top("#followup-form")).as("the form above the timeline").isLessThan(top("#timeline"));
			assertThat(top("#contacts")).as("the contacts on the first screen").isLessThan(812);
			this.browser.screenshot("customer-375-" + language);

			this.browser.viewport(Browser.DESKTOP);
			this.browser.open("/customers/" + customer + "?lang=" + language);
			this.browser.find("#followup-form");
			this.browser.assertFits("customer-1366-" + language);
			this.browser.screenshot("customer-1366-" + language);
		}

		this.browser.viewport(Browser.PHONE);
		this.browser.open("/customers/" + customer + "?lang=zh_CN");
		this.browser.click(".masked-phone .reveal");
		this.browser.waitForText(".masked-phone .revealed", phone);
		assertThat(this.browser.find(".contact-call").getAttribute("href")).isEqualTo("tel:" + phone);
		assertThat(this.browser.find(".contact-call").getAttribute("class")).contains("btn");
		this.browser.screenshot("customer-375-call");

		this.browser.click("#add-contact > summary");
		this.browser.type("#ct-name", "钱伟");
		this.browser.type("#ct-phone", "138" + String.format("%08d", System.nanoTime() % 100_000_000L));
		this.browser.click("#contact-submit");
		assertThat(this.browser.find("#contact-added").getText()).contains("钱伟");
		String where = "const r = document.querySelector('#contact-added').getBoundingClientRect();"
				+ " return (r.top >= 0 && r.bottom <= window.innerHeight) + ' ' + r.top + '-' + r.bottom"
				+ " + ' of ' + window.innerHeight + ' at ' + window.scrollY;";
		// app.js scrolls it into view on load, smoothly: wait for the scroll's end
		String seen;
		try {
			seen = this.browser.until((driver) -> {
				String now = (String) ((JavascriptExecutor) driver).executeScript(where);
				return now.startsWith("true") ? now : null;
			});
		}
		catch (AssertionError timedOut) {
			seen = (String) this.browser.driver().executeScript(where);
		}
		assertThat(seen).as("the confirmation is on the screen after adding").startsWith("true");
		this.browser.screenshot("customer-375-contact-added");
		this.browser.viewport(Browser.DESKTOP);
	}

	@Test
	void anErrorPageHasTheSameTopBarAsEveryOtherPage() {
		TestData.Employee rep = this.data.employee("rep", this.department, null, "SALES");
		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(rep.username(), TestData.PASSWORD);
		for (String language : List.of("zh_CN", "en")) {
			this.browser.viewport(Browser.DESKTOP);
			this.browser.open("/admin/employees?lang=" + language);
			this.browser.waitForText("#error-status", "403");
			assertThat(this.browser.find("#nav-customers").getAttribute("href")).endsWith("/customers");
			this.browser.find("#nav-reminders");
			assertThat(this.browser.find("#current-user").getText()).isEqualTo("测试" + rep.username());
			this.browser.assertFits("error-1366-" + language);
			this.browser.screenshot("error-403-1366-" + language);

			this.browser.viewport(Browser.PHONE);
			this.browser.open("/admin/employees?lang=" + language);
			this.browser.waitForText("#error-status", "403");
			this.browser.assertFits("error-403-375-" + language);
			this.browser.screenshot("error-403-375-" + language);
			this.browser.open("/customers/987654321?lang=" + language);
			this.browser.waitForText("#error-status", "404");
			this.browser.click(".navbar-toggler");
			this.browser.find("#nav-customers");
			assertThat(this.browser.find("#current-user").getText()).isEqualTo("测试" + rep.username());
			this.browser.assertFits("error-375-" + language);
			this.browser.screenshot("error-404-375-" + language);
		}
		this.browser.viewport(Browser.DESKTOP);
	}

	@Test
	void aFormWithErrorsNamesThemToEveryReaderOnAPhoneAndALaptop() {
		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn("admin", TestData.ADMIN_PASSWORD);
		for (int width : List.of(Browser.PHONE, 1280)) {
			this.browser.viewport(width);
			this.browser.open("/customers/new?lang=zh_CN");
			this.browser.click("#customer-submit");
			this.browser.find("#error-name");
			WebElement name = this.browser.find("#c-name");
			assertThat(name.getAttribute("class")).contains("is-invalid", "form-control-lg");
			assertThat(name.getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(name.getAttribute("aria-describedby")).isEqualTo("error-name");
			assertThat(this.browser.find("label[for=c-name]").getText()).startsWith("名称");
			assertThat(this.browser.find("#c-industry").getAttribute("aria-invalid")).isNull();
			this.browser.assertFits("customer-form-" + width);
			this.browser.screenshot("form-customer-errors-" + width + "-zh_CN");

			this.browser.open("/admin/employees/new?lang=zh_CN");
			this.browser.click("#employee-submit");
			this.browser.find("#error-username");
			assertThat(this.browser.find("#emp-username").getAttribute("aria-describedby")).isEqualTo("error-username");
			this.browser.assertFits("employee-form-" + width);
			this.browser.screenshot("form-employee-errors-" + width + "-zh_CN");
		}
		this.browser.viewport(Browser.DESKTOP);
	}

	private double top(String css) {
		return ((Number) this.browser.driver()
			.executeScript("return document.querySelector(arguments[0]).getBoundingClientRect().top + window.scrollY;",
					css))
			.doubleValue();
	}

}
