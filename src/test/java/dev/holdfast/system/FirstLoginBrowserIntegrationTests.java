package dev.holdfast.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new company's first five minutes: a fresh database, the policy that administrators
 * must use two-factor login, and nothing but what the console printed. The administrator
 * opens the printed address, logs in with the printed password, stays on the enrolment
 * page (where a polling bell once copied the page into itself, again and again), enrols
 * with the code an authenticator app would show, keeps the recovery codes and reaches the
 * home page.
 * <p>
 * It has its own context because it needs its own, fresh database (the first
 * administrator is created only on an empty one); the context is closed after the class:
 * nothing else uses its second embedded PostgreSQL.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@HoldfastIntegrationTest
@TestPropertySource(properties = { "holdfast.embedded-postgres.data-dir=target/test-data-first-login",
		"holdfast.admin.initial-password=", "holdfast.security.two-factor.enforced=true",
		"holdfast.security.two-factor.required-roles=ADMIN,HR,AUDITOR,SALES_MANAGER",
		"holdfast.protection.export.warm-up=false" })
@ExtendWith({ OutputCaptureExtension.class, Chromium.class })
class FirstLoginBrowserIntegrationTests {

	private static final Pattern ADDRESS = Pattern.compile("address +地址: +(\\S+)");

	private static final Pattern PASSWORD = Pattern.compile("password +密码: +(\\S+)");

	private static final Path DOWNLOADS = Path.of("target", "downloads-first-login").toAbsolutePath();

	@LocalServerPort
	int port;

	private Browser browser;

	@Test
	void theFirstAdministratorLogsInEnrolsAndReachesTheHomePage(CapturedOutput console) throws Exception {
		String printed = console.getOut();
		String address = printed(ADDRESS, printed);
		String password = printed(PASSWORD, printed);
		assertThat(address).isEqualTo("http://localhost:" + this.port);
		assertThat(printed).contains("First login / 首次登录", "two-factor", "recovery codes");

		FileSystemUtils.deleteRecursively(DOWNLOADS);
		Files.createDirectories(DOWNLOADS);
		Browser browser = this.browser;
		browser.driver()
			.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
		browser.driver()
			.executeCdpCommand("Browser.grantPermissions",
					Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
		browser.driver().get(address);
		browser.type("#username", "admin");
		browser.type("#password", password);
		browser.click("#login-submit");
		browser.find("#two-factor-enrol");
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(address + "/security/two-factor");

		// the bell's triggers are "load" and every 120 s: a page swapped into
		// itself shows within a second of the load, and again after each swap
		await("exactly one top bar while the page is open").during(Duration.ofSeconds(5))
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.failFast("a second top bar appeared: a whole page was swapped into this one", () -> topBars(browser) > 1)
			.until(() -> topBars(browser) == 1);
		assertThat(browser.find("#nav-notifications").getAttribute("hx-get")).as("the bell stays quiet here").isNull();
		WebSession tab = new WebSession(this.port);
		tab.logIn("admin", password);
		HttpResponse<String> bell = tab.get("/notifications/bell", "HX-Request", "true");
		assertThat(bell.statusCode()).as("the bell of someone who must enrol first").isEqualTo(204);
		assertThat(bell.headers().firstValue("HX-Redirect").orElseThrow()).endsWith("/security/two-factor");
		assertThat(bell.body()).isEmpty();

		browser.screenshot("first-login-enrol-desktop");
		browser.viewport(Browser.PHONE);
		browser.screenshot("first-login-enrol-phone");
		browser.viewport(Browser.DESKTOP);

		assertThat(browser.driver().findElements(By.id("nav-customers")))
			.as("no menu that only leads back to the compulsory enrolment")
			.isEmpty();
		String secret = browser.find("#two-factor-secret").getText();
		browser.type("#two-factor-code", Totp.now(secret));
		browser.click("#two-factor-confirm");
		browser.find("#recovery-codes");
		List<String> codes = browser.driver()
			.findElements(By.cssSelector(".recovery-code"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(topBars(browser)).isEqualTo(1);
		assertThat(browser.driver().findElements(By.id("lang-en")))
			.as("no language link that would ask the shown-once page again (405, the codes gone)")
			.isEmpty();

		browser.click("#recovery-copy");
		browser.waitForText("#recovery-copy", "已复制");
		Object clipboard = browser.driver()
			.executeAsyncScript("navigator.clipboard.readText().then(arguments[arguments.length - 1])");
		assertThat(clipboard).isEqualTo(String.join("\n", codes) + "\n");

		browser.click("#recovery-download");
		Path file = DOWNLOADS.resolve("holdfast-recovery-codes.txt");
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("admin").contains(codes);

		browser.screenshot("first-login-recovery-codes-desktop");
		browser.viewport(Browser.PHONE);
		browser.screenshot("first-login-recovery-codes-phone");
		browser.viewport(Browser.DESKTOP);

		browser.click("#recovery-continue");
		browser.until(driver -> driver.getCurrentUrl().equals(address + "/"));
		browser.find("main h1");
		assertThat(browser.driver().findElements(By.id("two-factor-enrol"))).isEmpty();
		assertThat(topBars(browser)).isEqualTo(1);
		assertThat(browser.find("#no-department").getText()).as("the first step of a new company").contains("请先创建部门");
		browser.open("/customers");
		assertThat(browser.driver().getCurrentUrl()).as("no longer held on the enrolment page").endsWith("/customers");

		// no department yet: the employee form and the list say to create one first,
		// with the way
		browser.open("/admin/employees");
		assertThat(browser.find("#no-department").getText()).contains("请先创建部门");
		browser.open("/admin/employees/new");
		assertThat(browser.find("#no-department").getText()).contains("请先创建部门");
		browser.screenshot("first-login-no-department-desktop");
		browser.click("#no-department-create");
		browser.until(driver -> driver.getCurrentUrl().contains("/admin/departments"));
		browser.type("#dept-name", "销售部");
		browser.click("#department-form button[type=submit]");
		browser.waitForText("main", "销售部");
		browser.open("/");
		browser.find("main h1");
		assertThat(browser.driver().findElements(By.id("no-department"))).as("gone once there is one").isEmpty();
		browser.open("/admin/employees/new");
		browser.find("#emp-department");
		assertThat(browser.driver().findElements(By.id("no-department"))).isEmpty();
	}

	private static int topBars(Browser browser) {
		return browser.driver().findElements(By.cssSelector("nav.navbar")).size();
	}

	private static String printed(Pattern pattern, String console) {
		Matcher matcher = pattern.matcher(console);
		assertThat(matcher.find()).as("%s in the console:%n%s", pattern, console).isTrue();
		return matcher.group(1);
	}

}
