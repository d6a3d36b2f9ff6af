package io.inventdedup.job;

import java.util.concurrent.atomic.AtomicInteger;

import io.inventdedup.run.InvalidParametersException;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.stereotype.Component;

/**
 * The process's exit code, as docs/running.md documents it: 0 the run completed (or had already);
 * 1 it failed or was stopped, re-run the same command to resume; 2 the command or the configuration
 * is wrong, nothing was called; 3 another run holds the org.
 */
@Component
public class ExitCodes implements ExitCodeGenerator {

	/** The run completed, now or earlier. */
	public static final int COMPLETED = 0;

	/** The run failed or was stopped: re-run the same command to resume it. */
	public static final int FAILED = 1;

	/** The command or the configuration is wrong: nothing was called. */
	public static final int INVALID = 2;

	/** Another run holds this org. */
	public static final int LOCKED = 3;

	private final AtomicInteger exitCode = new AtomicInteger(COMPLETED);

	void set(int code) {
		this.exitCode.set(code);
	}

	@Override
	public int getExitCode() {
		return this.exitCode.get();
	}

	/** The exit code of an application that could not even start. */
	public static int ofStartupFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException || cause instanceof InvalidParametersException) {
				return INVALID;
			}
		}
		return FAILED;
	}

}
