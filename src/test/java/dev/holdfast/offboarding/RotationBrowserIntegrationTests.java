package dev.holdfast.offboarding;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;
import dev.holdfast.TestData.Employee;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation of key accounts in headless Chromium: on a phone, a manager finds a rep's
 * A-level customer past the rule (12 months, switched on for the class), plans its
 * rotation with one click and a handover note (a missing note is shown at its row), and
 * reads the plan; the new rep reads it in English on a desktop once it is carried out.
 */
@HoldfastIntegrationTest
@ExtendWith({ Chromium.class, RotationIntegrationTests.TwelveMonths.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RotationBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RotationJob job;

	private Browser browser;

	private TestData data;

	private Company company;

	@BeforeAll
	void setUp() {
		this.data = TestData.given(new Api(this.port), this.jdbc);
		this.company = this.data.company("华中区", "武汉销售一组", "西北区");
	}

	@Test
	void aManagerPlansARotationWithOneClickOnAPhone() {
		Employee longTime = this.company.rep();
		long customer = this.data.customer(longTime, TestData.customerFields(TestData.unique("武汉光谷科技有限公司")));
		this.data.age(customer, 500);

		this.browser.viewport(Browser.PHONE);
		this.browser.logIn(this.company.manager.username(), TestData.PASSWORD);
		this.browser.open("/rotations?lang=zh_CN");
		assertThat(this.browser.find("#overdue-" + longTime.id()).getText()).contains("武汉光谷科技有限公司");
		this.browser.assertFits("the rotations page");
		this.browser.screenshot("rotations-phone");

		this.browser.click("#plan-" + longTime.id());
		assertThat(this.browser.find("#pick-" + customer).isSelected()).isTrue();
		this.browser.click("#plan-submit");
		this.browser.waitForText("#error-customers\\[0\\]\\.note", "请为新负责人填写交接说明");
		this.browser.assertFits("the rotation form with a missing note");
		this.browser.screenshot("rotation-form-phone");

		this.browser.type("#note-" + customer, "采购负责人王总，每月初对账；已承诺年底前上门拜访一次。");
		this.browser.click("#plan-submit");
		this.browser.waitForText("#plan-status", "待执行");
		assertThat(this.browser.find("#items").getText()).contains("武汉光谷科技有限公司", "已承诺年底前上门拜访");
		this.browser.assertFits("a planned rotation");
		this.browser.screenshot("rotation-planned-phone");
		long planId = Long.parseLong(this.browser.driver().getCurrentUrl().replaceAll(".*/rotations/(\\d+).*", "$1"));

		this.job.runFor(TestData.today().plusDays(7));
		long taker = this.jdbc.sql("select to_employee_id from rotation_plan where id = ?")
			.param(planId)
			.query(Long.class)
			.single();
		String takerName = this.jdbc.sql("select username from employee where id = ?")
			.param(taker)
			.query(String.class)
			.single();
		this.browser.viewport(1280);
		this.browser.logIn(takerName, TestData.PASSWORD);
		this.browser.open("/rotations/" + planId + "?lang=en");
		this.browser.waitForText("#plan-status", "Carried out");
		assertThat(this.browser.find("#items").getText()).contains("武汉光谷科技有限公司", "Moved");
		this.browser.screenshot("rotation-done-en");
		// the form shown again with the missing note answered 422, as refused input does
		assertThat(this.browser.consoleMessages()).allMatch(message -> message.contains("status of 422"));
	}

}
