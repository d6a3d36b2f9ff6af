package io.inventdedup.run;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The defaults of the job parameters ({@code dedup.*} in {@code config/application.yml}). They are
 * resolved into every run's job parameters at launch, so the stored parameters of a run show each
 * setting it ran with.
 *
 * @param dryRun whether runs only record what they would merge
 * @param survivor the survivor rule: oldest, newest, recommended, most-channels
 * @param skipAdmins whether admins are left alone
 * @param skipBlocked whether blocked contacts are left alone
 * @param skipUnsubscribed whether unsubscribed contacts are left alone
 * @param maxGroupSize groups with more members are skipped whole
 * @param maxMerges how many groups one run may merge at most (0: no cap)
 * @param stopTimeout how long a termination signal waits for the merges in flight to be recorded
 * @param carryOptOut whether an unsubscribed or blocked source makes the merged survivor so
 * @param fillName whether a nameless survivor gets the name of the first merged contact that has one
 * @param progressInterval how often a run logs how far it is
 * @param retentionDays audit rows and staged groups older than this are deleted at the end of each
 * run; 0 keeps everything
 * @param planMaxAge an apply run refuses a plan (a completed dry run) that ended longer ago than this,
 * and a run honours an approval of a queued group for this long
 * @param checkNames whether the names of a group's members must agree before it is merged
 * @param reviewQueueMaxWait how long a group may wait for a person before the queue's alert fires
 * (pushed with the run's metrics, {@code invent_dedup_review_queue_max_wait_seconds})
 */
@Validated
@ConfigurationProperties("dedup")
public record DedupProperties(@DefaultValue("true") boolean dryRun,
		@NotBlank @DefaultValue("oldest") String survivor, @DefaultValue("true") boolean skipAdmins,
		@DefaultValue("true") boolean skipBlocked, @DefaultValue("false") boolean skipUnsubscribed,
		@Min(2) @Max(10_000) @DefaultValue("20") int maxGroupSize, @Min(0) @DefaultValue("0") long maxMerges,
		@NotNull @DefaultValue("25s") Duration stopTimeout, @DefaultValue("true") boolean carryOptOut,
		@DefaultValue("true") boolean fillName, @NotNull @DefaultValue("30s") Duration progressInterval,
		@Min(0) @DefaultValue("0") int retentionDays, @NotNull @DefaultValue("7d") Duration planMaxAge,
		@DefaultValue("true") boolean checkNames, @NotNull @DefaultValue("3d") Duration reviewQueueMaxWait) {
}
