package org.fieldnotes.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests: Debian's {@code chromium} driven by Debian's {@code chromium-driver}, both
 * named explicitly (so Selenium Manager never downloads a browser or a driver). One per test class (start it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}): starting Chromium takes a second or two, a page a few
 * milliseconds. Waits are explicit ({@link WebDriverWait}), never sleeps. Screenshots go to
 * {@code target/screenshots/<name>.png}.
 */
public final class Browser implements AutoCloseable {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");
	/** A laptop's window. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);
	/** A phone held upright (an iPhone 12 to 15's CSS pixels). */
	public static final Dimension PHONE = new Dimension(390, 844);
	private static final Duration WAIT = Duration.ofSeconds(10);
	/** Headless, and what a container needs: no sandbox (root), no GPU, no /dev/shm beyond its default size. */
	private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en");

	private final ChromeDriver driver;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	/** Starts Chromium with a desktop window; fails saying what to install when Chromium or its driver is missing. */
	public static Browser start() {
		return start(null);
	}

	/**
	 * Starts Chromium as a visitor in {@code timeZone} would run it (its {@code TZ}), e.g. {@code Europe/Stockholm};
	 * {@literal null} for the machine's own.
	 */
	public static Browser start(String timeZone) {
		for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(needed)) {
				throw new IllegalStateException("Browser tests need " + needed + ": install Debian's chromium and "
						+ "chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
			}
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments(FLAGS);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.withEnvironment(timeZone == null ? java.util.Map.of() : java.util.Map.of("TZ", timeZone))
			.build();
		Browser browser = new Browser(new ChromeDriver(service, options));
		browser.desktop();
		return browser;
	}

	public WebDriver driver() {
		return driver;
	}

	/** Opens the address and waits until the page has loaded. */
	public void open(String url) {
		driver.get(url);
		waitUntilLoaded();
	}

	/** A desktop-sized window from now on. */
	public void desktop() {
		resize(DESKTOP);
	}

	/** A phone-sized window from now on. */
	public void phone() {
		resize(PHONE);
	}

	/** The page's layout viewport width in CSS pixels, as the page's own scripts see it. */
	public long viewportWidth() {
		return ((Number) script("return document.documentElement.clientWidth")).longValue();
	}

	/** How wide the page's content is: wider than {@link #viewportWidth()} means it scrolls sideways. */
	public long contentWidth() {
		return ((Number) script("return document.documentElement.scrollWidth")).longValue();
	}

	/** The element, once it is visible. */
	public WebElement visible(By by) {
		return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Waits until the element's text contains {@code text}; returns its whole text. */
	public String awaitText(By by, String text) {
		new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
		return driver.findElement(by).getText();
	}

	/**
	 * Clicks the element once it can be clicked (for what changes the page in place). A live page may redraw the
	 * element between finding and clicking it; then it is found again.
	 */
	public void click(By by) {
		new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
			WebElement element = clickable(d, by);
			if (element == null) {
				return false;
			}
			element.click();
			return true;
		});
	}

	/**
	 * Clicks what leads to another page (a form's submit button, a link) and waits until that page has replaced this
	 * one and loaded.
	 */
	public void clickThrough(By by) {
		WebElement element = new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
			.until(d -> clickable(d, by));
		element.click();
		new WebDriverWait(driver, WAIT).until(d -> gone(element));
		waitUntilLoaded();
	}

	/**
	 * Whether the element left the page (the click loaded another). Chromium says so as a stale element, or, when
	 * asked while the new page replaces the old, as an inspector error ("Node with given id does not belong to the
	 * document"): both mean gone.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.WebDriverException e) {
			if (e instanceof StaleElementReferenceException || String.valueOf(e.getMessage())
				.contains("does not belong to the document")) {
				return true;
			}
			throw e;
		}
	}

	/**
	 * The element once it is clickable, else {@literal null} to be asked again. A page still drawing can replace the
	 * element between finding and asking it; Chromium then says so either as a stale element or as an inspector error
	 * ("Node with given id does not belong to the document"), and both mean: find it again.
	 */
	private static WebElement clickable(WebDriver driver, By by) {
		try {
			return ExpectedConditions.elementToBeClickable(by).apply(driver);
		}
		catch (org.openqa.selenium.WebDriverException e) {
			if (e instanceof StaleElementReferenceException || String.valueOf(e.getMessage())
				.contains("does not belong to the document")) {
				return null;
			}
			throw e;
		}
	}

	/** Saves what the window shows as {@code target/screenshots/<name>.png}; returns the file. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Object script(String javascript, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(javascript, args);
	}

	@Override
	public void close() {
		driver.quit();
	}

	private void resize(Dimension size) {
		driver.manage().window().setSize(size);
	}

	private void waitUntilLoaded() {
		new WebDriverWait(driver, WAIT).until(d -> "complete".equals(script("return document.readyState")));
	}
}
