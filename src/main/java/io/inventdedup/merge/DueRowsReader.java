package io.inventdedup.merge;

import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;

import io.inventdedup.audit.AuditRecord;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The reader of a closing step (follow-ups, settling): the rows of the run that the step works on,
 * as they are when the step opens (read again when a stopped or failed step starts again: a row
 * handled already is no longer due), one a chunk. Once every one of them was handled, it asks the
 * step's verdict whether what is left undone fails the run: a row left undone fails the run only
 * after every other row was tried.
 */
class DueRowsReader implements ItemStreamReader<AuditRecord> {

	/** Whether what a closing step left undone fails the run: throws, saying what and what to do, when it does. */
	@FunctionalInterface
	interface Verdict {

		void check();

	}

	private final LongFunction<List<AuditRecord>> due;

	private final long jobInstanceId;

	private final Verdict verdict;

	private Iterator<AuditRecord> rows = List.<AuditRecord>of().iterator();

	private boolean judged;

	DueRowsReader(LongFunction<List<AuditRecord>> due, long jobInstanceId, Verdict verdict) {
		this.due = due;
		this.jobInstanceId = jobInstanceId;
		this.verdict = verdict;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.rows = this.due.apply(this.jobInstanceId).iterator();
		this.judged = false;
	}

	@Override
	public AuditRecord read() {
		if (this.rows.hasNext()) {
			return this.rows.next();
		}
		if (!this.judged) {
			this.judged = true;
			this.verdict.check();
		}
		return null;
	}

}
