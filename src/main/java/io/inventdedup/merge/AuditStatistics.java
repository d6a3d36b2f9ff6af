package io.inventdedup.merge;

import io.inventdedup.audit.AuditRepository;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Analyses the audit table once the merge step has written the rows of every window, as bulk loaders
 * do after a load, so that the steps after it (no longer listed, follow-ups, settling) are planned on
 * its statistics rather than on none. Once a run, before those steps, not after each window: an
 * ANALYZE samples the whole table (V21 keeps it to the columns queries filter on), and the merge
 * step's own queries go through their indexes whatever the statistics.
 */
class AuditStatistics implements StepExecutionListener {

	private final AuditRepository audit;

	AuditStatistics(AuditRepository audit) {
		this.audit = audit;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.audit.analyze();
	}

}
