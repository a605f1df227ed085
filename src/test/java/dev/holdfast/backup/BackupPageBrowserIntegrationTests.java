package dev.holdfast.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	BackupProperties properties;

	private Browser browser;

	@Test
	void anAdministratorBacksUpNowAndVerifiesTheArchive() throws IOException {
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

		// a damaged copy: its row says so in Chinese, without the library's words, and
		// the alert is as wide as the page's content
		Path damaged = this.properties.dir().resolve("holdfast-00000000-000000-damaged.hfbak");
		try {
			byte[] whole = Files.readAllBytes(this.properties.dir().resolve(written));
			Files.write(damaged, Arrays.copyOf(whole, whole.length - 100));
			this.browser.open("/admin/backups");
			this.browser.click("#backups tbody tr[data-name='" + damaged.getFileName() + "'] button.verify");
			this.browser.waitForText("#flash-error", "未通过校验");
			String row = this.browser.find("#backups tbody tr[data-name='" + damaged.getFileName() + "'] .backup-check")
				.getText();
			assertThat(row).contains("已损坏", "备份已损坏或不完整，未从中读取任何内容。")
				.doesNotContain("Tag mismatch")
				.doesNotContain("truncated");
			assertThat(this.browser.find("#flash-error").getRect().getWidth())
				.as("the alert is as wide as the page's content")
				.isEqualTo(this.browser.find("main h1").getRect().getWidth());
			this.browser.screenshot("backups-damaged");
		}
		finally {
			Files.deleteIfExists(damaged);
			Files.deleteIfExists(damaged.resolveSibling(damaged.getFileName() + ".json"));
		}
		this.browser.open("/admin/backups");
		this.browser.viewport(Browser.PHONE);
		this.browser.assertFits("the backup page on a phone");
		this.browser.screenshot("backups-phone");
		this.browser.viewport(Browser.DESKTOP);
	}

}
