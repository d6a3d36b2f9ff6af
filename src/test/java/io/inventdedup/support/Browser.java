package io.inventdedup.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import static org.awaitility.Awaitility.await;

/**
 * Headless Chromium driven by Selenium, from Debian's {@code chromium} and {@code chromium-driver}
 * packages ({@code .ci/run} installs them). A test that needs the browser fails when it is missing:
 * it never skips. The network is cut before any page is loaded.
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
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new AssertionError("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": apt-get install chromium chromium-driver (.ci/run installs them when they are missing)");
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--window-size=1400,1000", "--allow-file-access-from-files");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		driver.setNetworkConditions(offline);
		return new Browser(driver);
	}

	/** Opens a page from a file and waits until its script says it is ready. */
	public ChromeDriver open(Path page) {
		this.driver.get(page.toAbsolutePath().toUri().toString());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "true".equals(this.driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
