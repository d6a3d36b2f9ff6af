package io.inventdedup.job;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a failed run's cause in one line ({@link FailureCause}) as the job execution's exit
 * description, which {@code --report} and the run's page show, in place of the chunk's "Unable to
 * process chunk" and its stack trace; the steps' own exit descriptions keep the stack traces, and
 * this logs them at DEBUG.
 */
@Component
class FailureDescription implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(FailureDescription.class);

	@Override
	public void afterJob(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return;
		}
		failures.forEach((failure) -> log.debug("The run's failure, in full", failure));
		execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(),
				String.join("; ", FailureCause.describe(failures))));
	}

}
