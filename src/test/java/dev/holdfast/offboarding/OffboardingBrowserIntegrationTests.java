package dev.holdfast.offboarding;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
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
 * The offboarding case page in headless Chromium: HR records a resignation, the manager
 * looks at the case on a desktop and a phone and executes the handover.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffboardingBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	private TestData data;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void hrRecordsAResignationAndTheManagerHandsOver() {
		long department = this.data.department("华中销售部", null);
		TestData.Employee hr = this.data.employee("hr", department, null, "HR");
		TestData.Employee manager = this.data.employee("mgr", department, null, "SALES_MANAGER");
		TestData.Employee leaver = this.data.employee("rep", department, manager.id(), "SALES");
		TestData.Employee colleague = this.data.employee("rep", department, manager.id(), "SALES");
		String token = this.data.token(leaver);
		String[] levels = { "A", "A", "B", "C", "D" };
		for (int i = 0; i < levels.length; i++) {
			Api.Response created = this.api.post(token, "/api/v1/customers",
					Map.of("name", TestData.unique("武汉长江精密仪器有限公司") + "-" + i, "kind", "COMPANY", "level", levels[i]));
			assertThat(created.status()).isEqualTo(201);
		}

		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(hr.username(), TestData.PASSWORD);
		this.browser.open("/admin/employees/" + leaver.id() + "?lang=zh_CN");
		this.browser.click("#record-resignation");
		this.browser.setValue("#r-last", TestData.today().plusDays(14).toString());
		this.browser.type("#r-reason", "家庭原因，回老家发展");
		this.browser.click("#resignation-submit");
		this.browser.find("#plan-table");
		String casePath = this.browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "");

		this.browser.logIn(leaver.username(), TestData.PASSWORD);
		this.browser.viewport(Browser.PHONE);
		this.browser.open("/");
		// the banner leads straight to the next note to write
		this.browser.click("#notice-banner-notes");
		this.browser.type("#note-keyContacts", "采购部王总拍板，技术部李工负责验收");
		this.browser.type("#note-promises", "年底前订单九五折");
		this.browser.screenshot("offboarding-note-phone");
		this.browser.click("#note-submit");
		this.browser.find("#flash");

		// every customer to the colleague, whose tasks show the notes below
		String managerToken = this.data.token(manager);
		java.util.List<Map<String, Object>> toColleague = new java.util.ArrayList<>();
		this.api.get(managerToken, "/api/v1" + casePath + "/plan")
			.body()
			.get("items")
			.forEach(row -> toColleague
				.add(Map.of("customerId", row.get("customerId").asLong(), "newOwnerId", colleague.id())));
		assertThat(this.api.patch(managerToken, "/api/v1" + casePath + "/plan", toColleague).status()).isEqualTo(200);

		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(manager.username(), TestData.PASSWORD);
		this.browser.open(casePath);
		this.browser.find("#plan-table");
		assertThat(this.browser.find("#restrictions").getText()).contains("查看完整联系方式");
		this.browser.screenshot("offboarding-case-desktop");
		this.browser.viewport(Browser.PHONE);
		this.browser.open(casePath);
		this.browser.find("#plan-table");
		this.browser.screenshot("offboarding-case-phone");

		this.browser.viewport(Browser.DESKTOP);
		this.browser.open(casePath);
		this.browser.click("#handover-submit");
		// two key customers have no note: the server asks, naming them
		assertThat(this.browser.find("#handover-confirm").getText()).contains("2 个重点客户").contains("武汉长江精密仪器有限公司");
		assertThat(this.browser.driver().findElements(By.cssSelector("#missing-notes .missing-note"))).hasSize(2);
		this.browser.screenshot("offboarding-missing-notes-desktop");
		this.browser.click("#handover-anyway");
		this.browser.find("#handover-done");
		this.browser.waitForText("#handover-progress", "已交接 5 / 5");
		// the plan table shows the new state without a reload: every row handed over, no
		// owner pickers
		this.browser.until(driver -> driver.findElements(By.cssSelector("#plan-table .plan-row"))
			.stream()
			.allMatch(row -> row.getText().contains("已交接")));
		assertThat(this.browser.driver().findElements(By.cssSelector("#plan-table .owner-select"))).isEmpty();
		assertThat(this.browser.find("#check-HANDOVER_EXECUTED").getText()).contains("5 / 5");
		this.browser.screenshot("offboarding-handed-over-desktop");

		// after the handover the leaver still writes notes; the new owners see them
		this.browser.logIn(leaver.username(), TestData.PASSWORD);
		this.browser.open("/");
		this.browser.click("#notice-banner-notes");
		this.browser.type("#note-keyContacts", "设备科张科长负责续约");
		this.browser.click("#note-submit");
		this.browser.find("#flash");

		this.browser.logIn(colleague.username(), TestData.PASSWORD);
		this.browser.viewport(Browser.PHONE);
		this.browser.open("/handover-tasks");
		this.browser.find(".handover-task");
		assertThat(this.browser.find("main").getText()).contains("设备科张科长负责续约");
		this.browser.screenshot("handover-tasks-phone");
		assertThat(this.browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
	}

}
