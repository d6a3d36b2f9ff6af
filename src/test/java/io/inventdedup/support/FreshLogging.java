package io.inventdedup.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Logging as the test's application context set it up, again before each test. A JVM has one
 * logging system, and an application another test ran in the same JVM (a command's {@code --report}
 * at WARN, the kubernetes profile's JSON lines) set it up anew for itself: the tests that read the
 * job's log lines from a cached context would read that application's settings instead, depending
 * on which test ran before in their JVM. Boot's own listener sets it up, from the context's
 * environment, as it did when the context started.
 */
public class FreshLogging implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ConfigurableEnvironment environment = (ConfigurableEnvironment) SpringExtension.getApplicationContext(context)
			.getEnvironment();
		SpringApplication application = new SpringApplication();
		LoggingApplicationListener logging = new LoggingApplicationListener();
		DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();
		logging.onApplicationEvent(new ApplicationStartingEvent(bootstrap, application, new String[0]));
		logging.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(bootstrap, application, new String[0],
				environment));
	}

}
