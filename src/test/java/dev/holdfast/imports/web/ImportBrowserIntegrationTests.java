package dev.holdfast.imports.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.TestData.Company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sales manager brings in a CSV that Excel in China saved (GBK, Chinese headers): sees
 * the preview, tells the page what the column it did not know is, previews again,
 * imports, watches the progress until it is done and downloads the error report; at a
 * desktop's width and a phone's.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBrowserIntegrationTests {

	private static final Path DOWNLOADS = Path.of("target", "downloads-imports").toAbsolutePath();

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	private Browser browser;

	@Test
	void aManagerImportsAGbkCsvWithChineseHeaders() throws IOException {
		Company company = TestData.given(new Api(this.port)).company("华东区", "上海销售一组", "华中区");
		String existing = TestData.unique("上海浦江机械") + "有限公司";
		company.data.customer(company.owner, TestData.customerFields(existing));
		ImportFiles.GbkCsv csv = ImportFiles.gbkCsv(existing);
		Path file = Files.write(this.files.resolve("客户清单.csv"), csv.bytes());
		FileSystemUtils.deleteRecursively(DOWNLOADS);
		Files.createDirectories(DOWNLOADS);
		this.browser.driver()
			.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));

		this.browser.logIn(company.manager.username(), TestData.PASSWORD);
		this.browser.open("/imports?lang=zh_CN");
		this.browser.screenshot("imports-upload-desktop");
		this.browser.driver().findElement(By.id("import-file")).sendKeys(file.toString());
		this.browser.click("#import-upload-submit");

		this.browser.waitForText("#import-rows-read", "已读取 4 行");
		assertThat(this.browser.find("#import-count-NEW").getText()).endsWith(" 1");
		assertThat(this.browser.find("#import-count-INVALID").getText()).endsWith(" 1");
		assertThat(new Select(this.browser.find("#import-column-4")).getFirstSelectedOption().getAttribute("value"))
			.as("片区 is not a header the automatic mapping knows")
			.isEmpty();
		assertThat(this.browser.find("#import-row-3 .import-problems").getText()).contains("手机号");

		// the page is told what 片区 is, and previews the rows it has read again: no second
		// upload
		new Select(this.browser.find("#import-column-4")).selectByValue("REGION");
		String first = this.browser.driver().getCurrentUrl();
		this.browser.click("#import-preview-again");
		this.browser.waitForText("#flash", "已按您更正的列对应重新预览");
		assertThat(this.browser.driver().getCurrentUrl()).as("the same import").isEqualTo(first);
		assertThat(new Select(this.browser.find("#import-column-4")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("REGION");
		assertThat(this.browser.find("#import-row-3 .import-problems").getText()).as("the bad value quoted")
			.contains("手机号“12345”");

		// the employee picker only counts beside "a named employee"
		assertThat(this.browser.find("#import-owner-id").isEnabled()).as("'me' is chosen").isFalse();
		this.browser.click("#import-owner-EMPLOYEE");
		this.browser.until(driver -> driver.findElement(By.id("import-owner-id")).isEnabled());
		this.browser.screenshot("imports-owner-employee-desktop");
		this.browser.click("#import-owner-POOL");
		this.browser.until(driver -> !driver.findElement(By.id("import-owner-id")).isEnabled());
		this.browser.click("#import-owner-ME");
		this.browser.assertFits("the preview at a desktop's width");
		this.browser.screenshot("imports-preview-desktop");
		this.browser.viewport(Browser.PHONE);
		this.browser.assertFits("the preview on a phone");
		this.browser.screenshot("imports-preview-phone");
		this.browser.viewport(Browser.DESKTOP);

		// only the invalid rows
		this.browser.click("#import-filter-INVALID");
		this.browser.until(driver -> driver.findElements(By.cssSelector(".import-row")).size() == 1);
		assertThat(this.browser.find(".import-row").getText()).contains(csv.invalid());

		this.browser.click("#import-commit");
		this.browser.waitForText("#import-progress .import-status", "已导入");
		assertThat(this.browser.find("#import-done").getText()).contains("创建 1");
		this.browser
			.until(driver -> !driver.findElements(By.cssSelector("#import-row-2 a[href*='/customers/']")).isEmpty());
		assertThat(this.browser.find("#import-row-2 .import-outcome").getText()).isEqualTo("已创建");
		assertThat(this.browser.find("#import-row-3 .import-outcome").getText()).isEqualTo("未导入");
		assertThat(this.browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
		this.browser.screenshot("imports-committed-desktop");
		this.browser.viewport(Browser.PHONE);
		this.browser.assertFits("the finished import on a phone");
		this.browser.screenshot("imports-committed-phone");
		this.browser.viewport(Browser.DESKTOP);

		this.browser.click("#import-error-report");
		Path report = DOWNLOADS.resolve("客户清单-errors.xlsx");
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report) && Files.size(report) > 0);
		assertThat(ImportApiIntegrationTests.cells(Files.readAllBytes(report))).contains(csv.invalid());

		// the same page in English, on a phone
		String path = this.browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
		this.browser.viewport(Browser.PHONE);
		this.browser.open(path + "?lang=en");
		this.browser.waitForText("#import-done", "1 created");
		this.browser.assertFits("the finished import in English on a phone");
		this.browser.screenshot("imports-committed-phone-en");
		this.browser.viewport(Browser.DESKTOP);
	}

}
