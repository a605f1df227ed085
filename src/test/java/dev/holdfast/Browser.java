package dev.holdfast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium driving the real UI, with a desktop (1366 px) and a phone (375 px)
 * viewport, and full-page screenshots under {@code target/screenshots}. A test JVM starts
 * one and every browser test class uses it ({@link Chromium}), each class in a fresh tab
 * with no cookies or stored data of the classes before it.
 */
public final class Browser implements AutoCloseable {

	public static final int DESKTOP = 1366;

	public static final int PHONE = 375;

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Visible buttons whose label takes more than one line, as "text (height/line)". */
	private static final String WRAPPED_BUTTONS = """
			return [...document.querySelectorAll('.btn, button, summary.btn')].filter(b => b.offsetParent !== null)
			  .map(b => {
			    const range = document.createRange();
			    range.selectNodeContents(b);
			    const text = range.getBoundingClientRect().height;
			    const style = getComputedStyle(b);
			    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
			    return { label: b.innerText.trim(), text, line };
			  })
			  .filter(b => b.label && b.text > b.line * 1.5)
			  .map(b => b.label + ' (' + Math.round(b.text) + '/' + Math.round(b.line) + ')');""";

	private static final String OVERFLOW = "return document.documentElement.scrollWidth - window.innerWidth;";

	/** Polled this often, not the 500 ms Selenium waits between two looks by default. */
	private static final Duration POLL = Duration.ofMillis(50);

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final Path profile;

	/** Where the browser has been: what {@link #freshFor} wipes. */
	private final Set<String> origins = new LinkedHashSet<>();

	private int port;

	private String base;

	Browser() {
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
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		this.driver = new ChromeDriver(options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(20), POLL);
	}

	/**
	 * For the next test class, against the application on this port: one fresh tab, no
	 * cookies, local storage or permissions left from before, at desktop width.
	 */
	void freshFor(int port) {
		List<String> old = new ArrayList<>(this.driver.getWindowHandles());
		dismissAlert(old);
		this.driver.switchTo().newWindow(WindowType.TAB);
		String tab = this.driver.getWindowHandle();
		for (String handle : old) {
			this.driver.switchTo().window(handle).close();
		}
		this.driver.switchTo().window(tab);
		// a page in the new tab has the focus, as in the first tab of a fresh browser
		// (the clipboard, for one, refuses a page without it)
		this.driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
		this.port = port;
		this.base = "http://localhost:" + port;
		this.origins.add(this.base);
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		for (String origin : this.origins) {
			this.driver.executeCdpCommand("Storage.clearDataForOrigin",
					Map.of("origin", origin, "storageTypes", "all"));
		}
		this.driver.executeCdpCommand("Browser.resetPermissions", Map.of());
		this.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
		consoleMessages();
		viewport(DESKTOP);
	}

	private void dismissAlert(List<String> handles) {
		for (String handle : handles) {
			try {
				this.driver.switchTo().window(handle).switchTo().alert().dismiss();
			}
			catch (NoAlertPresentException ex) {
				// nothing left open
			}
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get(this.base + path);
		waitForPage();
	}

	public WebElement find(String css) {
		return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** Waits, and on a timeout tells where the browser was and what it showed. */
	public <T> T until(Function<? super WebDriver, T> condition) {
		try {
			return this.wait.until(condition);
		}
		catch (TimeoutException ex) {
			String text = this.driver.findElement(By.tagName("body")).getText();
			throw new AssertionError("Timed out on " + this.driver.getCurrentUrl() + " showing:\n"
					+ text.substring(0, Math.min(text.length(), 1500)), ex);
		}
	}

	public void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Clicks the element once it is clickable, brought to the middle of the screen. A
	 * page whose sections load after it (htmx) may move the element between the scroll
	 * and the click: the click is then tried again, scrolled again, for up to two
	 * seconds.
	 */
	public void click(String css) {
		WebElement element = until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
		for (int attempt = 1;; attempt++) {
			this.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
			try {
				element.click();
				return;
			}
			catch (ElementClickInterceptedException ex) {
				if (attempt == 10) {
					throw ex;
				}
				LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
			}
		}
	}

	/** Sets a value the way a date picker would; typing dates depends on the locale. */
	public void setValue(String css, String value) {
		this.driver.executeScript("arguments[0].value = arguments[1];", find(css), value);
	}

	/**
	 * Waits until the element shows the text. An element of a page that is being replaced
	 * (a navigation, an htmx swap) is looked up again: Chromium reports it either as
	 * stale or, during a navigation, as a node that "does not belong to the document" (a
	 * first login failed so in CI).
	 */
	public void waitForText(String css, String text) {
		until(driver -> {
			try {
				return driver.findElement(By.cssSelector(css)).getText().contains(text);
			}
			catch (StaleElementReferenceException ex) {
				return false;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return false;
				}
				throw ex;
			}
		});
	}

	public void waitForPage() {
		until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	/**
	 * Logs in without the login page, for a test that is not about logging in: the server
	 * opens the session through its real login (the same checks, audit and session
	 * attributes as the form), and the browser gets its cookie. The browser stays where
	 * it was; the next {@link #open} is the first page of the session.
	 */
	public void logIn(String username, String password) {
		WebSession server = new WebSession(this.port);
		HttpResponse<String> response = server.logIn(username, password);
		String target = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || target.contains("/login") || !server.cookies().containsKey("SESSION")) {
			throw new AssertionError("the login of " + username + " was refused: " + response.statusCode() + " to "
					+ target + " " + server.cookies().keySet());
		}
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		this.driver.executeCdpCommand("Network.setCookie", Map.of("name", "SESSION", "value",
				server.cookies().get("SESSION"), "url", this.base, "httpOnly", true, "sameSite", "Lax"));
	}

	/** Logs in as a person does: the login page, the form, and the home page after it. */
	public void logInWithTheForm(String username, String password) {
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		open("/login");
		type("#username", username);
		type("#password", password);
		click("#login-submit");
		find("#logout");
	}

	/** Emulates a screen of this width (375 is a phone, with touch and mobile layout). */
	public void viewport(int width) {
		boolean phone = width < 576;
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", phone ? 812 : 900, "deviceScaleFactor", 1, "mobile", phone));
	}

	/**
	 * The page is no wider than the screen, and no button's label runs onto a second
	 * line.
	 */
	public void assertFits(String what) {
		Number overflow = (Number) this.driver.executeScript(OVERFLOW);
		assertThat(overflow.intValue()).as(what + ": wider than the screen by").isLessThanOrEqualTo(0);
		@SuppressWarnings("unchecked")
		List<String> wrapped = (List<String>) this.driver.executeScript(WRAPPED_BUTTONS);
		assertThat(wrapped).as(what + ": buttons whose label wraps").isEmpty();
	}

	/**
	 * A screenshot of the whole page at the current width, as {@code name.png}: the same
	 * pixels, compressed for speed rather than size (a larger file, less of Chromium's
	 * CPU).
	 */
	public Path screenshot(String name) {
		waitForPage();
		Object height = this.driver.executeScript("return Math.min(document.documentElement.scrollHeight, 5000)");
		Object width = this.driver.executeScript("return window.innerWidth");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
		Object data = this.driver
			.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip", clip, "optimizeForSpeed", true))
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
	public List<String> consoleMessages() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
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
