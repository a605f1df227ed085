package dev.holdfast.agreement;

import java.util.List;
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
 * A rep whose role requires a confidentiality agreement opens the customer list on a
 * phone, lands on the agreement instead, reads it in Chinese and accepts it; then the
 * customer list opens. HR sees the acceptance on the agreement page.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgreementBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	@Test
	void aRepAcceptsTheAgreementBeforeSeeingCustomers() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		String role = TestData.unique("NDAWEB");
		api.post(data.adminToken(), "/api/v1/roles",
				Map.of("code", role, "name", "保密 " + role, "dataScope", "SELF", "permissions", List.of()));
		long department = data.department("北京销售部", null);
		TestData.Employee hr = data.employee("hr", department, null, "HR");
		TestData.Employee rep = data.employee("rep", department, null, "SALES", role);
		String hrToken = data.token(hr);
		long agreement = api
			.post(hrToken, "/api/v1/agreements",
					Map.of("titleZh", "员工保密协议", "titleEn", "Employee confidentiality agreement", "roles",
							List.of(role)))
			.id();
		long version = api.post(hrToken, "/api/v1/agreements/" + agreement + "/versions",
				Map.of("textZh", "一、员工对客户名单、联系人及报价负有保密义务。\n二、离职后两年内继续有效。", "textEn",
						"1. The employee keeps customer lists, contacts and prices confidential.\n"
								+ "2. This binds for two years after departure.",
						"scope", "客户名单、联系人、报价", "nonCompeteText", "离职后一年内不得为竞争对手工作。", "nonCompeteMonths", 12))
			.id();

		this.browser.logIn(rep.username(), TestData.PASSWORD);
		this.browser.viewport(Browser.PHONE);
		this.browser.open("/customers?lang=zh_CN");
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/agreements");
		assertThat(this.browser.find("#agreement-blocked").getText()).contains("请先阅读并接受");
		assertThat(this.browser.find("#pending-" + version + " .agreement-text").getText()).contains("一、员工对客户名单");
		this.browser.screenshot("agreement-to-accept-phone");

		this.browser.click("#pending-" + version + " .other-language summary");
		this.browser.waitForText("#pending-" + version + " .other-language div", "The employee keeps");
		this.browser.click("#accept-" + version);
		this.browser.find("#accepted-" + version);
		this.browser.screenshot("agreement-accepted-phone");
		this.browser.open("/customers?lang=zh_CN");
		assertThat(this.browser.driver().getCurrentUrl()).contains("/customers");
		this.browser.find("#new-customer");

		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(hr.username(), TestData.PASSWORD);
		this.browser.open("/admin/employees?lang=zh_CN");
		this.browser.click("#agreements-link");
		this.browser.click("#agreement-" + agreement + " a");
		this.browser.find("#acceptance-" + rep.id() + ".accepted");
		this.browser.screenshot("agreement-hr-status");
	}

}
