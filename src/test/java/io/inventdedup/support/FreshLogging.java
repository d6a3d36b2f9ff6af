package io.inventdedup.support;

import java.util.Properties;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Logging as the test's application context set it up, again before each test. A JVM has one
 * logging system, and an application another test ran in the same JVM (a command's {@code --report}
 * at WARN, the kubernetes profile's JSON lines) set it up anew for itself: the tests that read the
 * job's log lines from a cached context would read that application's settings instead, depending
 * on which test ran before in their JVM. Boot's own listener sets it up, from the context's
 * environment, as it did when the context started, once the logging system has been told to forget
 * the last set-up ({@link #forgetTheLastSetUp}: Boot's Logback system does not set itself up again
 * while it is marked set up, and a cached context is never closed, which would clear that mark).
 */
public class FreshLogging implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ConfigurableEnvironment environment = (ConfigurableEnvironment) SpringExtension.getApplicationContext(context)
			.getEnvironment();
		SpringApplication application = new SpringApplication();
		LoggingApplicationListener logging = new LoggingApplicationListener();
		DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();
		forgetTheLastSetUp();
		logging.onApplicationEvent(new ApplicationStartingEvent(bootstrap, application, new String[0]));
		logging.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(bootstrap, application, new String[0],
				environment));
	}

	/**
	 * Clears the mark of the JVM's logging system that it is set up, as closing an application does:
	 * the next application (or {@link FreshLogging}) sets it up from its own environment.
	 */
	public static void forgetTheLastSetUp() {
		LoggingSystem.get(FreshLogging.class.getClassLoader()).cleanUp();
	}

	/**
	 * Runs an application in this JVM with the logging it sets up itself, as in a process of its own,
	 * and leaves nothing of it to the tests after: Boot also writes the logging's settings to system
	 * properties (the kubernetes profile's {@code CONSOLE_LOG_STRUCTURED_FORMAT}, ...) and keeps any
	 * it finds, so they are put back as they were.
	 */
	public static int runWithItsOwnLogging(IntSupplier application) {
		Properties before = new Properties();
		before.putAll(System.getProperties());
		forgetTheLastSetUp();
		try {
			return application.getAsInt();
		}
		finally {
			for (String name : System.getProperties().stringPropertyNames()) {
				if (!before.containsKey(name)) {
					System.clearProperty(name);
				}
			}
			before.forEach((name, value) -> System.setProperty((String) name, (String) value));
			forgetTheLastSetUp();
		}
	}

}
