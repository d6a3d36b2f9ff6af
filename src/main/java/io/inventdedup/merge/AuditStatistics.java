package io.inventdedup.merge;

import org.jspecify.annotations.Nullable;

import io.inventdedup.audit.AuditRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Analyses the audit table when the merge step has written its rows, as bulk loaders do after a
 * load, so that the steps after it (follow-ups, settling) are planned on its statistics rather
 * than on none.
 */
class AuditStatistics implements StepExecutionListener {

	private final AuditRepository audit;

	AuditStatistics(AuditRepository audit) {
		this.audit = audit;
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
			this.audit.analyze();
		}
		return null;
	}

}
