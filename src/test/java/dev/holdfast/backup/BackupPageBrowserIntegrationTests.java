package dev.holdfast.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator opens the backup page from the "Manage" menu, backs up now and
 * verifies the new archive, in Chinese, on a desktop and a phone, in headless Chromium.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupPageBrowserIntegrationTests {

	@LocalServerPort
	int port;

	private Browser browser;

	@Test
	void anAdministratorBacksUpNowAndVerifiesTheArchive() {
		this.browser.logIn("admin", TestData.ADMIN_PASSWORD);
		this.browser.open("/?lang=zh_CN");
		this.browser.click("#nav-admin");
		this.browser.click("#nav-backups");
		this.browser.waitForText("h1", "备份");
		assertThat(this.browser.find("#backup-keep").getText()).contains("14");

		this.browser.click("#backup-now button");
		this.browser.waitForText("#flash", "备份已写入");
		String written = this.browser.find("#backups tbody tr.table-active").getAttribute("data-name");
		assertThat(written).endsWith(".hfbak");
		assertThat(this.browser.find("#backups tbody tr.table-active .backup-check").getText()).contains("尚未校验");

		this.browser.click("#backups tbody tr.table-active button.verify");
		this.browser.waitForText("#flash", "备份完好");
		assertThat(this.browser.find("#backups tbody tr[data-name='" + written + "'] .backup-check").getText())
			.contains("完好");
		this.browser.screenshot("backups-desktop");
		this.browser.viewport(Browser.PHONE);
		this.browser.assertFits("the backup page on a phone");
		this.browser.screenshot("backups-phone");
		this.browser.viewport(Browser.DESKTOP);
	}

}
