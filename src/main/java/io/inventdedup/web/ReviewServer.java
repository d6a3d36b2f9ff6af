package io.inventdedup.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * The review in a browser: {@code java -jar invent-dedup.jar --serve} serves the queue of groups
 * waiting for a person, the runs of every org and the decisions on them, behind an OpenID Connect
 * sign-in; {@code --serve --local} needs no identity provider, listens on loopback only and prints a
 * one-time sign-in link. It reads the audit database and records decisions there, as the commands do;
 * it never calls Invent, needs no API token and never runs the job.
 */
public final class ReviewServer {

	/** The property that says the server runs in local mode ({@code --local}). */
	static final String LOCAL = "invent-dedup.review.local";

	private ReviewServer() {
	}

	/**
	 * Serves until the process is stopped (SIGTERM); answers the exit code: 0 once stopped, 2 when
	 * the configuration is wrong (no identity provider, an unknown setting), 1 when it could not start
	 * otherwise (Boot says why).
	 */
	public static int run(String... args) {
		ConfigurableApplicationContext context;
		try {
			context = start(args);
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof ReviewSetupException) {
					return 2;
				}
			}
			return 1;
		}
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {

			@Override
			public void onApplicationEvent(ContextClosedEvent event) {
				closed.countDown();
			}

		});
		try {
			closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	/** Starts the server and answers its context (the tests stop it by closing that). */
	public static ConfigurableApplicationContext start(String... args) {
		boolean local = List.of(args).contains("--local");
		SpringApplication application = new SpringApplication(ReviewApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		Map<String, Object> defaults = new HashMap<>();
		// The review user needs no DDL: the job's runs own the schema (see docs/review.md, "Review in a browser").
		defaults.put("spring.flyway.enabled", "false");
		// The session cookie: no script reads it, no other site's form sends it, and behind TLS only.
		defaults.put("server.servlet.session.cookie.name", "INVENT_DEDUP_REVIEW");
		defaults.put("server.servlet.session.cookie.http-only", "true");
		defaults.put("server.servlet.session.cookie.same-site", "lax");
		defaults.put("server.servlet.session.cookie.secure", "true");
		defaults.put("server.servlet.session.timeout", "8h");
		// A decision on a run's page posts two fields a group: up to Decisions.MAX_KEYS groups.
		defaults.put("server.tomcat.max-parameter-count", "45000");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		application.setDefaultProperties(defaults);
		Map<String, Object> fixed = new HashMap<>();
		// Unlike the job (GracefulStop), the server lets Spring close it on SIGTERM: Tomcat ends its requests first.
		fixed.put("spring.main.register-shutdown-hook", "true");
		fixed.put("logging.register-shutdown-hook", "true");
		fixed.put("server.shutdown", "graceful");
		fixed.put(LOCAL, String.valueOf(local));
		if (local) {
			// Local mode serves this machine alone, whatever the configuration says.
			fixed.put("server.address", "127.0.0.1");
			// Plain HTTP on loopback: a Secure cookie would not be kept by every browser there.
			fixed.put("server.servlet.session.cookie.secure", "false");
		}
		// Before the application binds spring.main.*, after the configuration files are read.
		application.addListeners(new ApplicationListener<ApplicationEnvironmentPreparedEvent>() {

			@Override
			public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
				event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("invent-dedup-review", fixed));
				ReviewSettings.check(event.getEnvironment());
			}

		});
		return application.run(args);
	}

}
