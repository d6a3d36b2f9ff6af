package io.inventdedup.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Headless Chromium driven by Selenium, from Debian's {@code chromium} and {@code chromium-driver}
 * packages ({@code .ci/run} installs them). A test that needs the browser fails when it is missing:
 * it never skips. For a page from a file the network is cut before it is loaded; for the review in a
 * browser it reaches the servers on loopback (this machine reaches no other).
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	/** Starts headless Chromium with the network cut. */
	public static Browser offline() {
		Browser browser = start();
		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		browser.driver.setNetworkConditions(offline);
		return browser;
	}

	/** Starts headless Chromium for pages served on loopback. */
	public static Browser start() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new AssertionError("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": apt-get install chromium chromium-driver (.ci/run installs them when they are missing)");
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--window-size=1400,1000", "--allow-file-access-from-files");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new Browser(new ChromeDriver(service, options));
	}

	/** Opens a page from a file and waits until its script says it is ready. */
	public ChromeDriver open(Path page) {
		this.driver.get(page.toAbsolutePath().toUri().toString());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "true".equals(this.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
		return this.driver;
	}

	/** Opens a page at this address and waits until its script says it is ready. */
	public ChromeDriver open(String url) {
		this.driver.get(url);
		return ready();
	}

	/** Waits until the page now shown (after a click that loads one) says it is ready. */
	public ChromeDriver ready() {
		try {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> "true".equals(this.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
		}
		catch (ConditionTimeoutException ex) {
			String page = this.driver.getPageSource();
			throw new AssertionError("The page at " + this.driver.getCurrentUrl() + " never said it was ready; it shows: "
					+ page.substring(0, Math.min(page.length(), 3000)), ex);
		}
		return this.driver;
	}

	/**
	 * Does what leaves the page shown (a click that submits a form or follows a link), and waits until
	 * another page has loaded: never reads the old page as the new one.
	 */
	public ChromeDriver leave(Runnable action) {
		this.driver.executeScript("document.body.setAttribute('data-left', 'true')");
		action.run();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			try {
				return this.driver.findElement(By.tagName("body")).getDomAttribute("data-left") == null
						&& "complete".equals(this.driver.executeScript("return document.readyState"));
			}
			catch (WebDriverException ex) {
				return false;
			}
		});
		return this.driver;
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
