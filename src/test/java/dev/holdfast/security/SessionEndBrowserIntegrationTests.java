package dev.holdfast.security;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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
 * A rep types a follow-up while her session ends on the server (idle timeout, a revoked
 * login). The bell's poll leaves the page alone; sending the form says what happened next
 * to it; she logs in again, in another tab or on the page itself, and the text she typed
 * is still there and is saved.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEndBrowserIntegrationTests {

	private static final String FIRST_PART = "上午电话联系了采购部李经理，";

	private static final String SECOND_PART = "对方同意下周二来公司看样品，并要求先寄一份报价单。";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	private TestData data;

	private Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.data = new TestData(this.api);
	}

	@Test
	void theTextTypedWhileTheSessionEndedIsSavedAfterLoggingInInAnotherTab() {
		TestData.Employee rep = this.data.employee("sales", null, null, "SALES");
		String customerPage = "/customers/" + customerOf(rep) + "?lang=zh_CN";
		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(rep.username(), TestData.PASSWORD);
		this.browser.open(customerPage);
		this.browser.type("#followup-content", FIRST_PART);
		endSessionsOf(rep);
		this.browser.find("#followup-content").sendKeys(SECOND_PART);
		String url = this.browser.driver().getCurrentUrl();

		this.browser.driver()
			.executeScript("htmx.ajax('GET', arguments[0], {source: '#nav-notifications', "
					+ "target: '#nav-notifications .bell-count', swap: 'outerHTML'})", "/notifications/bell");
		this.browser.find("#bell-session-ended");
		assertThat(this.browser.driver().getCurrentUrl()).as("a poll never leaves the page").isEqualTo(url);

		this.browser.click("#followup-submit");
		assertThat(this.browser.find("#follow-ups #session-ended").getText()).contains("登录已过期", "不会丢失");
		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(url);
		assertThat(typed()).isEqualTo(FIRST_PART + SECOND_PART);
		assertThat(this.browser.driver().findElements(By.id("request-error"))).isEmpty();
		this.browser.screenshot("session-ended-desktop");

		String page = this.browser.driver().getWindowHandle();
		this.browser.click("#session-login");
		this.browser.until(driver -> driver.getWindowHandles().size() == 2);
		String login = this.browser.driver()
			.getWindowHandles()
			.stream()
			.filter(handle -> !handle.equals(page))
			.findFirst()
			.orElseThrow();
		this.browser.driver().switchTo().window(login);
		logInOnThisPage(rep);
		this.browser.driver().close();
		this.browser.driver().switchTo().window(page);

		assertThat(typed()).isEqualTo(FIRST_PART + SECOND_PART);
		this.browser.click("#followup-submit");
		this.browser.find("#followup-recorded");
		this.browser.waitForText("#timeline li:first-child .content", FIRST_PART + SECOND_PART);
		assertThat(this.browser.driver().findElements(By.id("session-ended"))).isEmpty();
		assertThat(typed()).isEmpty();

		this.browser.open(customerPage);
		this.browser.find("#followup-form");
		assertThat(typed()).as("the saved text is no longer a draft").isEmpty();
		assertThat(this.browser.driver().findElements(By.cssSelector(".draft-restored"))).isEmpty();
	}

	@Test
	void theTextComesBackWhenTheRepOpensThePageAgainAndLogsIn() {
		TestData.Employee rep = this.data.employee("sales", null, null, "SALES");
		String customerPage = "/customers/" + customerOf(rep) + "?lang=zh_CN";
		this.browser.logIn(rep.username(), TestData.PASSWORD);
		this.browser.viewport(Browser.PHONE);
		this.browser.open(customerPage);
		this.browser.type("#followup-content", FIRST_PART + SECOND_PART);
		endSessionsOf(rep);

		this.browser.open(customerPage);
		assertThat(this.browser.driver().getCurrentUrl()).contains("/login");
		logInOnThisPage(rep);
		this.browser.until(driver -> driver.getCurrentUrl().contains("/customers/"));
		this.browser.find(".draft-restored");
		assertThat(typed()).isEqualTo(FIRST_PART + SECOND_PART);
		this.browser.screenshot("draft-restored-phone");

		this.browser.click("#followup-submit");
		this.browser.find("#followup-recorded");
		this.browser.waitForText("#timeline li:first-child .content", FIRST_PART + SECOND_PART);
		this.browser.open(customerPage);
		this.browser.find("#followup-form");
		assertThat(typed()).isEmpty();
		this.browser.viewport(Browser.DESKTOP);
	}

	private String typed() {
		return this.browser.find("#followup-content").getDomProperty("value");
	}

	private void logInOnThisPage(TestData.Employee rep) {
		this.browser.waitForPage();
		this.browser.type("#username", rep.username());
		this.browser.type("#password", TestData.PASSWORD);
		this.browser.click("#login-submit");
		this.browser.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
	}

	/** What an idle timeout or a revoked login does: the server forgets the session. */
	private void endSessionsOf(TestData.Employee rep) {
		int ended = this.jdbc.sql("delete from spring_session where principal_name = ?").param(rep.username()).update();
		assertThat(ended).isPositive();
	}

	private long customerOf(TestData.Employee rep) {
		Api.Response created = this.api.post(this.data.token(rep), "/api/v1/customers",
				Map.of("name", TestData.unique("苏州明德精密模具有限公司"), "kind", "COMPANY", "level", "A", "region", "苏州"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

}
