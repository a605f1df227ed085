package dev.holdfast.system;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing a department on the key-account teams page shows its key customers at once,
 * under the CSP: the page's script comes from a file (it was an inline {@code onchange},
 * which the CSP blocked, so the choice did nothing until one pressed Show).
 */
@HoldfastIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyAccountsBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	@BeforeAll
	void startBrowser() {
		this.browser = new Browser(this.port);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void choosingADepartmentShowsItsKeyCustomers() {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department(TestData.unique("西南销售部"), null);
		TestData.Employee manager = data.employee("mgr", department, null, "SALES_MANAGER");
		TestData.Employee rep = data.employee("rep", department, manager.id(), "SALES");
		long alone = api
			.post(data.token(rep), "/api/v1/customers",
					Map.of("name", TestData.unique("成都锦江机电") + "有限公司", "kind", "COMPANY", "level", "A"))
			.id();

		this.browser.viewport(Browser.DESKTOP);
		this.browser.logIn(manager.username(), TestData.PASSWORD);
		this.browser.open("/key-accounts?lang=zh_CN");
		this.browser.consoleMessages();
		new Select(this.browser.find("#ka-department")).selectByValue(String.valueOf(department));
		// the page listing every department may show the customer already: wait for the
		// new page
		this.browser.until((driver) -> driver.getCurrentUrl().contains("departmentId=" + department));
		this.browser.waitForPage();
		this.browser.waitForText("#key-account-" + alone, "1 / 2");

		assertThat(new Select(this.browser.find("#ka-department")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(String.valueOf(department));
		assertThat(this.browser.consoleMessages()).noneMatch((message) -> message.contains("Content Security Policy"));
	}

}
