package dev.holdfast.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium driving the real UI, with a desktop (1366 px) and a phone (375 px)
 * viewport, and full-page screenshots under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

	static final int DESKTOP = 1366;

	static final int PHONE = 375;

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final Path profile;

	private final String base;

	Browser(int port) {
		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		try {
			this.profile = Files.createTempDirectory("holdfast-chromium");
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + this.profile.toAbsolutePath(), "--window-size=1366,900",
				"--lang=zh-CN");
		org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
		logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		this.driver = new ChromeDriver(options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
		this.base = "http://localhost:" + port;
		viewport(DESKTOP);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get(this.base + path);
		waitForPage();
	}

	WebElement find(String css) {
		return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** Waits, and on a timeout tells where the browser was and what it showed. */
	<T> T until(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
		try {
			return this.wait.until(condition);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			String text = this.driver.findElement(By.tagName("body")).getText();
			throw new AssertionError("Timed out on " + this.driver.getCurrentUrl() + " showing:\n"
					+ text.substring(0, Math.min(text.length(), 1500)), ex);
		}
	}

	void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	void click(String css) {
		WebElement element = until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	/** Sets a value the way a date picker would; typing dates depends on the locale. */
	void setValue(String css, String value) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
	}

	void waitForText(String css, String text) {
		until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	void waitForPage() {
		this.wait.until(
				driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	void logIn(String username, String password) {
		this.driver.manage().deleteAllCookies();
		open("/login");
		type("#username", username);
		type("#password", password);
		click("#login-submit");
		find("#logout");
	}

	/** Emulates a screen of this width (375 is a phone, with touch and mobile layout). */
	void viewport(int width) {
		boolean phone = width < 576;
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", phone ? 812 : 900, "deviceScaleFactor", 1, "mobile", phone));
	}

	/** A screenshot of the whole page at the current width, as {@code name.png}. */
	Path screenshot(String name) {
		waitForPage();
		Object height = ((JavascriptExecutor) this.driver)
			.executeScript("return Math.min(document.documentElement.scrollHeight, 5000)");
		Object width = ((JavascriptExecutor) this.driver).executeScript("return window.innerWidth");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
		Object data = this.driver
			.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip", clip))
			.get("data");
		Path file = SCREENSHOTS.resolve(name + ".png");
		try {
			Files.write(file, OutputType.BYTES.convertFromBase64Png((String) data));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * What the pages wrote to the browser console since the last call (CSP violations
	 * land here).
	 */
	java.util.List<String> consoleMessages() {
		return this.driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.map(entry -> entry.getLevel() + " " + entry.getMessage())
			.toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try {
				FileSystemUtils.deleteRecursively(this.profile);
			}
			catch (IOException ex) {
				// a leftover temp folder is harmless
			}
		}
	}

}
