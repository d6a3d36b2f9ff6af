package io.inventdedup.web;

import java.util.regex.Matcher;

import org.openqa.selenium.chrome.ChromeDriver;

import io.inventdedup.support.Browser;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review served in local mode ({@code --serve --local --by=NAME}) and a browser signed in to it
 * through the one-time link the server printed: what the browser tests of the review start with.
 *
 * @param server the review server
 * @param browser the signed-in browser
 * @param link the one-time sign-in link, used once
 * @param base the server's address ({@code http://127.0.0.1:PORT})
 */
record LocalReview(ConfigurableApplicationContext server, Browser browser, String link, String base)
		implements AutoCloseable {

	/** Serves the review as {@code by} and signs a browser in; the link is read from {@code output}. */
	static LocalReview signedIn(CapturedOutput output, String by) {
		ConfigurableApplicationContext server = ReviewServerSupport.serve("--local", "--by=" + by);
		Browser browser = null;
		try {
			browser = Browser.start();
			Matcher link = ReviewServerSupport.SIGN_IN.matcher(output.getOut());
			assertThat(link.find()).as("the server printed its sign-in link").isTrue();
			browser.open(link.group(1));
			return new LocalReview(server, browser, link.group(1), "http://127.0.0.1:" + link.group(2));
		}
		catch (RuntimeException | AssertionError ex) {
			// Nothing left serving (or a browser left open) for the rest of the JVM's tests.
			if (browser != null) {
				browser.close();
			}
			server.close();
			throw ex;
		}
	}

	/** Opens a page of the review ({@code /queue?org=ID}, {@code /runs/7}, ...). */
	ChromeDriver open(String path) {
		return this.browser.open(this.base + path);
	}

	@Override
	public void close() {
		try {
			this.browser.close();
		}
		finally {
			this.server.close();
		}
	}

}
