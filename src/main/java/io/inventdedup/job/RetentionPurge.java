package io.inventdedup.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.audit.AuditRepository;
import io.inventdedup.collect.StagedGroups;
import io.inventdedup.run.DedupProperties;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Opt-in retention ({@code dedup.retention-days}, 0 = keep everything): at the end of each run,
 * deletes audit rows and staged groups older than that many days, of every org.
 */
@Component
class RetentionPurge implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final AuditRepository audit;

	private final StagedGroups stagedGroups;

	private final int retentionDays;

	private final Clock clock;

	RetentionPurge(AuditRepository audit, StagedGroups stagedGroups, DedupProperties properties) {
		this.audit = audit;
		this.stagedGroups = stagedGroups;
		this.retentionDays = properties.retentionDays();
		this.clock = Clock.systemUTC();
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		if (this.retentionDays <= 0) {
			return;
		}
		Instant cutoff = this.clock.instant().minus(Duration.ofDays(this.retentionDays));
		int auditRows = this.audit.purgeOlderThan(cutoff);
		int staged = this.stagedGroups.purgeOlderThan(cutoff);
		log.atInfo()
			.addKeyValue("auditRows", auditRows)
			.addKeyValue("stagedGroups", staged)
			.addKeyValue("olderThan", cutoff)
			.log("Retention: deleted {} audit rows and {} staged groups older than {} days", auditRows, staged,
					this.retentionDays);
	}

}
