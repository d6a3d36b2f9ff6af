package io.inventdedup.merge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRepository;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;

/**
 * Analyses the audit table once the merge step has written the rows of every window, as bulk loaders
 * do after a load, so that the steps after it (no longer listed, follow-ups, settling) are planned on
 * its statistics rather than on none. Once a run, before those steps, not after each window: an
 * ANALYZE reads a sample of up to 30,000 rows of the table (V21 keeps it to the columns queries
 * filter on), and the merge step's own queries go through their indexes whatever the statistics.
 * Statistics are an optimisation: an ANALYZE that fails (a lock or statement timeout, a maintenance
 * command of the database's owner) is logged and the run goes on.
 */
class AuditStatistics implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(AuditStatistics.class);

	private final AuditRepository audit;

	AuditStatistics(AuditRepository audit) {
		this.audit = audit;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		try {
			this.audit.analyze();
		}
		catch (DataAccessException ex) {
			log.atWarn()
				.setCause(ex)
				.log("Could not analyse the audit table (the run goes on, planned on the statistics it has): {}",
						ex.getMostSpecificCause().getMessage());
		}
	}

}
