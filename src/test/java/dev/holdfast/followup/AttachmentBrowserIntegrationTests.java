package dev.holdfast.followup;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.holdfast.Api;
import dev.holdfast.Browser;
import dev.holdfast.Chromium;
import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep on a phone (390×844) records a visit with a photo of the shop front and a PDF;
 * the timeline shows the photo's thumbnail, linking to the full picture, and the PDF as a
 * named link.
 */
@HoldfastIntegrationTest
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	private Browser browser;

	@Test
	void aRepAddsAFollowUpWithAPhotoOnAPhone() throws IOException {
		Api api = new Api(this.port);
		TestData data = new TestData(api);
		long department = data.department(TestData.unique("华东销售部"), null);
		TestData.Employee rep = data.employee("rep", department, null, "SALES");
		long customer = api
			.post(data.token(rep), "/api/v1/customers",
					Map.of("name", TestData.unique("苏州园林茶社") + "有限公司", "kind", "COMPANY"))
			.id();
		Path photo = this.files.resolve("shopfront-门头.jpg");
		Files.write(photo, photo());
		Path pdf = this.files.resolve("quotation-报价单.pdf");
		Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

		this.browser.logIn(rep.username(), TestData.PASSWORD);
		this.browser.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		this.browser.open("/customers/" + customer + "?lang=zh_CN");
		this.browser.find("#followup-form");
		assertThat(this.browser.find("#followup-camera").getAttribute("capture")).isEqualTo("environment");
		this.browser.click("label[for='kind-VISIT']");
		this.browser.type("#followup-content", "拜访门店，拍了门头照片，留了报价单");
		this.browser.driver().findElement(org.openqa.selenium.By.id("followup-files")).sendKeys(photo + "\n" + pdf);
		this.browser.screenshot("attachment-form-phone");

		this.browser.click("#followup-submit");
		this.browser.find("#followup-recorded");
		WebElement thumbnail = this.browser.find(".follow-up-attachments .attachment-thumbnail img");
		this.browser.until(driver -> (Boolean) ((JavascriptExecutor) driver)
			.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail));
		long width = (Long) ((JavascriptExecutor) this.browser.driver())
			.executeScript("return arguments[0].naturalWidth", thumbnail);
		assertThat(width).as("a thumbnail, not the full photo").isLessThanOrEqualTo(240);
		assertThat(this.browser.find(".follow-up-attachments .attachment-thumbnail").getAttribute("href"))
			.matches(".*/attachments/\\d+$");
		assertThat(this.browser.find(".follow-up-attachments .attachment-file .attachment-name").getText())
			.isEqualTo("quotation-报价单.pdf");
		assertThat(this.browser.driver().findElement(org.openqa.selenium.By.id("followup-files")).getAttribute("value"))
			.as("the form is empty again")
			.isEmpty();
		this.browser.screenshot("attachment-timeline-phone");
		assertThat(this.browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));

		// a "photo" that is really text is refused next to the field, and nothing is
		// added
		Path fake = this.files.resolve("名片.jpg");
		Files.writeString(fake, "这不是照片");
		this.browser.type("#followup-content", "又拍了一张名片");
		this.browser.driver().findElement(org.openqa.selenium.By.id("followup-files")).sendKeys(fake.toString());
		this.browser.click("#followup-submit");
		this.browser.waitForText("#error-files", "不是可接受的文件类型");
		assertThat(this.browser.driver().findElements(org.openqa.selenium.By.cssSelector(".follow-up"))).hasSize(1);
		this.browser.screenshot("attachment-refused-phone");

		// later the same day, one more photo from the follow-up's correction page (a
		// plain form, no htmx)
		this.browser.click(".follow-up-correct");
		this.browser.find("#followup-add-files-form");
		Path more = this.files.resolve("仓库.jpg");
		Files.write(more, photo());
		this.browser.driver().findElement(org.openqa.selenium.By.id("followup-more-files")).sendKeys(more.toString());
		this.browser.screenshot("attachment-add-later-phone");
		this.browser.click("#followup-add-files-submit");
		this.browser.waitForText("#flash", "文件已添加");
		this.browser.until(driver -> driver
			.findElements(org.openqa.selenium.By.cssSelector(".follow-up-attachments .attachment-thumbnail img"))
			.size() == 2);
		this.browser.viewport(Browser.DESKTOP);
	}

	private static byte[] photo() throws IOException {
		BufferedImage image = new BufferedImage(1200, 1600, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x2E7D32));
		g.fillRect(0, 0, 1200, 1600);
		g.setColor(new Color(0xFFC107));
		g.fillRect(150, 300, 900, 500);
		g.setColor(Color.WHITE);
		g.fillOval(350, 900, 500, 500);
		g.dispose();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

}
