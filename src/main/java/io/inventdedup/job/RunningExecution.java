package io.inventdedup.job;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Knows the job execution this process is running, so that a termination signal can stop it. */
@Component
class RunningExecution implements JobExecutionListener {

	private final AtomicReference<JobExecution> current = new AtomicReference<>();

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.current.set(jobExecution);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.current.compareAndSet(jobExecution, null);
	}

	@Nullable JobExecution get() {
		return this.current.get();
	}

}
