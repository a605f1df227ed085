package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The company's departure checklist in headless Chromium on a phone: an administrator's
 * list of items, and HR ticking one on the case page with a note.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyChecklistBrowserIntegrationTests {

	private static final String ITEMS = "/api/v1/offboarding/checklist-items";

	@LocalServerPort
	int port;

	private Browser browser;

	private TestData data;

	private Api api;

	private long item;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
		this.item = this.api
			.post(this.data.adminToken(), ITEMS,
					Map.of("title", "归还笔记本电脑及充电器（资产登记表核对）", "responsibleRole", "HR", "required", true))
			.id();
	}

	@AfterAll
	void retire() {
		this.api.post(this.data.adminToken(), ITEMS + "/" + this.item + "/retire", Map.of());
	}

	@Test
	void hrTicksAnItemOnAPhoneAndTheAdministratorsListFits() {
		long department = this.data.department("西南销售部", null);
		TestData.Employee hr = this.data.employee("hr", department, null, "HR");
		TestData.Employee manager = this.data.employee("mgr", department, null, "SALES_MANAGER");
		TestData.Employee leaver = this.data.employee("rep", department, manager.id(), "SALES");
		long caseId = this.api
			.post(this.data.adminToken(), "/api/v1/employees/" + leaver.id() + "/resignation", Map.of("noticeDate",
					TestData.today().toString(), "lastWorkingDay", TestData.today().plusDays(20).toString()))
			.id();

		this.browser.viewport(Browser.PHONE);
		this.browser.logIn(hr.username(), TestData.PASSWORD);
		this.browser.open("/offboarding/" + caseId + "?lang=zh_CN");
		assertThat(this.browser.find("#company-checklist").getText()).contains("公司离职清单", "归还笔记本电脑", "必需");
		this.browser.type("#note-" + this.item, "已核对资产登记表，电脑与充电器均已交回");
		this.browser.click("#tick-" + this.item);
		this.browser.find("#untick-" + this.item);
		assertThat(this.browser.find("#company-check-" + this.item).getText()).contains("已核对资产登记表", "勾选");
		this.browser.assertFits("the case page with its company checklist");
		this.browser.screenshot("company-checklist-phone");

		String checklistRole = this.data.role("CHK", "离职清单管理", "SELF", List.of("offboarding.checklist"));
		TestData.Employee keeper = this.data.employee("chk", department, null, "HR", checklistRole);
		this.browser.logIn(keeper.username(), TestData.PASSWORD);
		this.browser.open("/admin/offboarding-checklist?lang=zh_CN");
		assertThat(this.browser.find("#checklist-items").getText()).contains("归还笔记本电脑");
		this.browser.assertFits("the administrators' checklist page");
		this.browser.screenshot("company-checklist-items-phone");
		assertThat(this.browser.consoleMessages()).isEmpty();
	}

}
