package io.inventdedup.job;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;

/**
 * What a termination signal (SIGTERM: a pod evicted, a node drained) does to a run: the job is
 * asked to stop, the chunk in flight finishes (its merges answered or resolved, its rows
 * recorded), the execution ends STOPPED, and the process exits 1 so that the next run resumes it.
 * Spring Boot's own shutdown hook is off ({@code spring.main.register-shutdown-hook=false}): closing
 * the context under a running chunk would lose the outcome of the merges in flight.
 */
final class GracefulStop extends Thread {

	private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

	private final JobOperator jobOperator;

	private final RunningExecution runningExecution;

	private final Duration timeout;

	private final CountDownLatch finished = new CountDownLatch(1);

	private final AtomicInteger exitCode = new AtomicInteger(ExitCodes.FAILED);

	GracefulStop(JobOperator jobOperator, RunningExecution runningExecution, Duration timeout) {
		super("invent-dedup-graceful-stop");
		this.jobOperator = jobOperator;
		this.runningExecution = runningExecution;
		this.timeout = timeout;
	}

	/** Installs the hook for the duration of a run. */
	GracefulStop install() {
		Runtime.getRuntime().addShutdownHook(this);
		return this;
	}

	/** The run ended by itself: the hook is no longer needed. */
	void finished(int exitCode) {
		this.exitCode.set(exitCode);
		this.finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(this);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: this hook is running and will exit with this code
		}
	}

	@Override
	public void run() {
		JobExecution execution = this.runningExecution.get();
		if (execution != null) {
			log.atWarn()
				.addKeyValue("jobExecutionId", execution.getId())
				.log("Termination requested: stopping the run once the merges in flight are recorded");
			try {
				this.jobOperator.stop(execution);
			}
			catch (JobExecutionNotRunningException | RuntimeException ex) {
				log.warn("The run could not be asked to stop: {}", ex.getMessage());
			}
		}
		try {
			if (!this.finished.await(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				log.error("The run did not stop within {}; exiting. Re-run the same command to resume it",
						this.timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Runtime.getRuntime().halt(this.exitCode.get());
	}

}
