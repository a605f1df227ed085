package dev.holdfast.system;

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
 * The web UI in headless Chromium, as a sales rep and an administrator use it, on a
 * desktop and on a phone. Screenshots go to {@code target/screenshots}.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	private TestData data;

	@BeforeAll
	void setUp() {
		this.data = new TestData(new Api(this.port));
	}

	@Test
	void salesRepCreatesACustomerAddsAContactAndRecordsAFollowUp() {
		long department = this.data.department("华东销售部", null);
		TestData.Employee rep = this.data.employee("sales", department, null, "SALES");
		this.browser.logInWithTheForm(rep.username(), TestData.PASSWORD);
		this.browser.open("/?lang=zh_CN");
		this.browser.click("#nav-customers");
		this.browser.click("#new-customer");
		String name = TestData.unique("上海云杉精密机械有限公司");
		this.browser.type("#c-name", name);
		this.browser.type("#c-industry", "机械制造");
		this.browser.type("#c-region", "上海");
		this.browser.type("#c-address", "上海市浦东新区张江路 88 号");
		this.browser.click("#customer-submit");
		this.browser.waitForText("#customer-name", name);

		this.browser.click("#add-contact summary");
		this.browser.type("#ct-name", "王建国");
		this.browser.type("#ct-title", "采购经理");
		String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
		this.browser.type("#ct-phone", phone);
		this.browser.click("#contact-submit");
		this.browser.waitForText("#contact-list", "王建国");

		// an empty follow-up shows the error next to the field
		this.browser.find("#followup-form");
		this.browser.click("#followup-submit");
		this.browser.waitForText("#error-content", "不能为空");

		this.browser.find("#followup-form");
		this.browser.click("label[for=kind-VISIT]");
		this.browser.type("#followup-content", "上门拜访王经理，确认了第一季度的采购计划，下周报价。");
		new org.openqa.selenium.support.ui.Select(this.browser.find("#followup-contact"))
			.selectByVisibleText("王建国 · 采购经理");
		this.browser.setValue("#followup-next", TestData.today().plusDays(7).toString());
		this.browser.click("#followup-submit");
		this.browser.find("#followup-recorded");
		this.browser.waitForText("#timeline li:first-child .content", "确认了第一季度的采购计划");
		assertThat(this.browser.find("#timeline li:first-child").getText()).contains("拜访").contains("与 王建国");
		this.browser.click("#timeline li:first-child .follow-up-correct");
		this.browser.find("#followup-correct-form");
		this.browser.driver().findElement(By.cssSelector("#followup-correct-content")).clear();
		this.browser.type("#followup-correct-content", "上门拜访王经理和李总，确认了第一季度的采购计划，下周报价。");
		this.browser.click("#followup-correct-submit");
		this.browser.find("#flash");
		this.browser.waitForText("#timeline li:first-child .content", "王经理和李总");
		String customerUrl = this.browser.driver().getCurrentUrl();
		this.browser.screenshot("customer-desktop");

		createCustomers(rep, 22);
		this.browser.open("/customers");
		this.browser.type("#customer-q", phone);
		this.browser.waitForText("#customer-table", name);
		this.browser.until(driver -> driver.findElements(By.cssSelector(".customer-row")).size() == 1);
		this.browser.open("/customers?q=" + java.net.URLEncoder.encode("云杉", java.nio.charset.StandardCharsets.UTF_8));
		this.browser.waitForText("#customer-table", name);
		this.browser.open("/customers?ownerId=" + rep.id());
		this.browser.click("a[rel=next]");
		this.browser.waitForText(".pagination", "第 2 / 2 页");
		assertThat(this.browser.driver().getCurrentUrl()).contains("ownerId=" + rep.id()).contains("page=1");
		this.browser.open("/customers");
		this.browser.screenshot("customer-list-desktop");

		this.browser.viewport(Browser.PHONE);
		this.browser.open("/customers");
		this.browser.find(".customer-row");
		assertThat(this.browser.find(".navbar-toggler").isDisplayed()).isTrue();
		assertThat(this.browser.driver().findElement(By.id("nav-customers")).isDisplayed()).isFalse();
		this.browser.screenshot("customer-list-phone");
		this.browser.click(".navbar-toggler");
		this.browser.find("#nav-customers");
		this.browser.screenshot("menu-phone");

		this.browser.open("/");
		this.browser.find("#my-customers");
		this.browser.screenshot("home-phone");
		this.browser.driver().get(customerUrl);
		this.browser.find("#followup-form");
		this.browser.screenshot("customer-phone");
		this.browser.click("label[for=kind-WECHAT]");
		this.browser.type("#followup-content", "微信发送了报价单。");
		this.browser.screenshot("add-follow-up-phone");
		this.browser.click("#followup-submit");
		this.browser.waitForText("#timeline li:first-child .content", "微信发送了报价单");
		assertThat(this.browser.find("#timeline li:first-child").getText()).contains("微信");

		this.browser.viewport(Browser.DESKTOP);
		this.browser.driver().get(customerUrl);
		this.browser.find("#followup-form");
		this.browser.click("label[for=kind-CALL]");
		this.browser.type("#followup-content", "电话确认到货时间。");
		this.browser.screenshot("add-follow-up-desktop");

		this.browser.click("#lang-en");
		this.browser.waitForText("#nav-customers", "Customers");
		this.browser.find("#followup-form");
		assertThat(this.browser.find("html").getAttribute("lang")).isEqualTo("en");
		assertThat(this.browser.find("#follow-ups h2").getText()).isEqualTo("Follow-ups");
		this.browser.screenshot("customer-en-desktop");
		this.browser.click("#lang-zh");
		this.browser.waitForText("#nav-customers", "客户");
		assertThat(this.browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"))
			.noneMatch(message -> message.startsWith("SEVERE") && !message.contains("Failed to load resource"));
	}

	private static final String[] CITIES = { "北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京" };

	private static final String[] TRADES = { "科技", "贸易", "机电", "食品", "物流", "建材", "医疗器械", "纺织" };

	/** Customers of the rep, through the API, so that the list has pages. */
	private void createCustomers(TestData.Employee rep, int count) {
		Api api = new Api(this.port);
		String token = this.data.token(rep);
		for (int i = 0; i < count; i++) {
			String city = CITIES[i % CITIES.length];
			Api.Response response = api.post(token, "/api/v1/customers",
					java.util.Map.of("name", TestData.unique(city + TRADES[i % TRADES.length] + "有限公司"), "kind",
							"COMPANY", "level", i % 3 == 0 ? "A" : "B", "region", city));
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
		}
	}

	@Test
	void administratorUsesTheAdminAndAuditPages() {
		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn("admin", TestData.ADMIN_PASSWORD);
		this.browser.open("/admin/departments?lang=zh_CN");
		String department = TestData.unique("华南大区");
		this.browser.type("#dept-name", department);
		this.browser.click("#department-form button[type=submit]");
		this.browser.waitForText("#department-tree", department);

		this.browser.open("/admin/employees/new");
		String username = TestData.unique("liming");
		this.browser.type("#emp-username", username);
		this.browser.type("#emp-displayName", "李明");
		this.browser.type("#emp-password", "password-for-tests");
		this.browser.type("#emp-phone", "13800138000");
		this.browser.click("#role-SALES");
		this.browser.click("#employee-submit");
		this.browser.find("#flash");
		this.browser.open("/admin/employees?q=" + username);
		this.browser.waitForText("#results", "李明");
		this.browser.screenshot("employees-desktop");

		this.browser.open("/admin/roles");
		this.browser.type("#role-code", TestData.unique("KEY_ACCOUNT_"));
		this.browser.type("#role-name", "大客户经理");
		this.browser.click("#perm-customer\\.edit");
		this.browser.click("#role-submit");
		this.browser.waitForText("#role-table", "大客户经理");

		this.browser.screenshot("roles-desktop");

		this.browser.open("/customers/new");
		String customer = TestData.unique("深圳前海物流有限公司");
		this.browser.type("#c-name", customer);
		this.browser.type("#c-address", "广东省深圳市南山区前海大道 1 号");
		this.browser.click("#customer-submit");
		this.browser.click("#edit-customer");
		this.browser.type("#c-region", "深圳");
		this.browser.click("#customer-submit");
		this.browser.find("#flash");
		this.browser.click("#show-history");
		this.browser.waitForText("#revisions", "修改");
		assertThat(this.browser.driver().findElements(By.cssSelector("#revisions .revision"))).hasSize(2);
		assertThat(this.browser.driver().findElements(By.cssSelector("#revisions form"))).hasSize(1);
		this.browser.screenshot("history-desktop");
		this.browser.click("#revisions form button");
		this.browser.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
		this.browser.waitForText("#flash", "已恢复");
		assertThat(this.browser.find(".customer-facts").getText()).doesNotContain("地区");

		this.browser.open("/audit");
		this.browser.waitForText("#audit-table", "查看客户变更历史");
		this.browser.click("#verify-chain");
		this.browser.waitForText("#verification-result", "哈希链完整");
		this.browser.screenshot("audit-desktop");
		this.browser.viewport(Browser.PHONE);
		this.browser.open("/audit");
		this.browser.screenshot("audit-phone");

		this.browser.open("/customers/999999999");
		this.browser.waitForText("#error-status", "404");
		this.browser.viewport(Browser.DESKTOP);
	}

	@Test
	void loginPageSwitchesLanguage() {
		this.browser.viewport(Browser.PHONE);
		this.browser.driver().manage().deleteAllCookies();
		this.browser.open("/login?lang=zh_CN");
		assertThat(this.browser.find("#login-submit").getText()).isEqualTo("登录");
		this.browser.screenshot("login-phone");
		this.browser.click("#lang-en");
		this.browser.waitForText("#login-submit", "Log in");
		this.browser.type("#username", "admin");
		this.browser.type("#password", "wrong-password");
		this.browser.click("#login-submit");
		this.browser.waitForText(".alert-danger", "Wrong username or password");
		this.browser.open("/login?lang=zh_CN");
		this.browser.viewport(Browser.DESKTOP);
	}

}
