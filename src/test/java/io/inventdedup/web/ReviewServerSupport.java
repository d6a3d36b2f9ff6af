package io.inventdedup.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import io.inventdedup.support.Browser;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Starts the review in a browser the way an operator does ({@code --serve ...}, through the
 * application's {@code main} entry) on the embedded PostgreSQL, and talks to it over HTTP.
 */
final class ReviewServerSupport {

	/** The line {@code --serve --local} prints: the one-time link (group 1) and its port (group 2). */
	static final Pattern SIGN_IN = Pattern.compile("(?m)^sign-in: (http://127\\.0\\.0\\.1:(\\d+)/\\S+)$");

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private ReviewServerSupport() {
	}

	/** Starts {@code --serve} with these arguments on a free port of loopback and the embedded database. */
	static ConfigurableApplicationContext serve(String... args) {
		return serveAs("postgres", "postgres", args);
	}

	/** Starts {@code --serve} as this database user. */
	static ConfigurableApplicationContext serveAs(String user, String password, String... args) {
		List<String> command = new ArrayList<>(List.of(args));
		command.add(0, "--serve");
		command.add("--server.port=0");
		// Every test's org shares this database: its queue must not push another test's groups off the page.
		command.add("--invent-dedup.review.queue-limit=20000");
		command.add("--spring.datasource.url=" + TestInfrastructure.jdbcUrl());
		command.add("--spring.datasource.username=" + user);
		command.add("--spring.datasource.password=" + password);
		return ReviewServer.start(command.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext server) {
		return ((WebServerApplicationContext) server).getWebServer().getPort();
	}

	/**
	 * Shows one group of a run's page, as the queue's links do ({@code /runs/ID#KEY}): waits until the
	 * page searched for it (a link that changes the fragment alone loads no new page).
	 */
	static ChromeDriver showGroup(Browser browser, String runPage, String groupKey) {
		ChromeDriver page = browser.open(runPage + "#" + groupKey);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> groupKey.equals(page.findElement(By.id("search")).getDomProperty("value")));
		return page;
	}

	/** A request with no session: its status and where it is sent. */
	static HttpResponse<String> request(String method, String url) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("decision=approve&key=x")
					: HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Posts a form from the page shown in the browser, with the browser's session, as the page's own
	 * script does; with {@code csrf} the page's CSRF token is added. Answers the text of the page that
	 * the answer shows (the run's page again, or the error page with its status).
	 */
	static String postFromPage(Browser browser, String path, Map<String, String> fields, boolean csrf) {
		ChromeDriver page = browser.leave(() -> browser.driver().executeScript("""
				var form = document.createElement('form');
				form.method = 'post';
				form.action = arguments[0];
				var fields = arguments[1];
				if (arguments[2]) {
				  var review = JSON.parse(document.getElementById('run-data').textContent).review;
				  fields[review.csrf.name] = review.csrf.value;
				}
				Object.keys(fields).forEach(function (name) {
				  var input = document.createElement('input');
				  input.type = 'hidden';
				  input.name = name;
				  input.value = fields[name];
				  form.appendChild(input);
				});
				document.body.appendChild(form);
				form.submit();
				""", path, fields, csrf));
		if (!page.findElements(By.id("run-data")).isEmpty()) {
			browser.ready();
			return page.findElement(By.id("message")).getText();
		}
		return page.findElement(By.tagName("body")).getText();
	}


	/** The version of the group that a run's page shows (what the browser sends with a decision). */
	static String version(ChromeDriver page, String groupKey) {
		return (String) page.executeScript("var key = arguments[0]; return JSON.parse(document.getElementById("
				+ "'run-data').textContent).groups.filter(function (g) { return g.key === key; })[0].version;", groupKey);
	}

}
