package io.inventdedup.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.inventdedup.audit.RunFacts;
import io.inventdedup.decision.DecisionRepository;

/**
 * A run's summary, label by label: what {@code --report ID} prints and what a run logs when it
 * ends, from the one count of its groups ({@link RunFacts.Counts}).
 */
public final class RunSummary {

	private RunSummary() {
	}

	/** The summary of the run that this job execution belongs to, as lines of a label and its value. */
	public static String text(RunFacts run, long jobExecutionId, DecisionRepository.ReviewCounts review) {
		StringBuilder text = new StringBuilder();
		rows(run, jobExecutionId, review).forEach((label, value) -> text.append(String.format("%-22s %s%n", label, value)));
		return text.toString();
	}

	/** The summary's rows, in order. */
	public static Map<String, String> rows(RunFacts run, long jobExecutionId, DecisionRepository.ReviewCounts review) {
		Map<String, String> rows = new LinkedHashMap<>();
		RunFacts.Counts counts = run.counts();
		boolean completed = "COMPLETED".equals(run.executionStatus());
		rows.put("run (job instance)", String.valueOf(run.instance()));
		rows.put("job execution", jobExecutionId + " (" + run.executionStatus() + ")");
		if (!completed) {
			String cause = run.exitMessage();
			rows.put("cause", (cause != null && !cause.isBlank()) ? cut(cause.lines().findFirst().orElse(""), 500)
					: "none recorded (the process may have been killed)");
			rows.put("next", "STARTED".equals(run.executionStatus())
					? "if no process runs it any more, run its command again: the run is recovered and resumed"
					: "fix the cause, then run the same command again: it resumes this run where it stopped");
		}
		rows.put("org", run.org());
		rows.put("dry run", run.dryRun()
				? (completed ? "yes: nothing was merged; a plan, applied with plan=" + jobExecutionId
						: "yes: nothing was merged; not a plan until it completes")
				: (run.plan() != null) ? "no: the apply of plan " + run.plan() : "no");
		rows.put("policy", run.policyWords());
		rows.put("started / ended", RunFacts.time(run.started()) + " / " + RunFacts.time(run.ended()));
		rows.put("listing", AuditReport.listing(run));
		rows.put("groups", String.valueOf(counts.groups()));
		rows.put("planned", String.valueOf(counts.planned()));
		rows.put("merged", String.valueOf(counts.merged()));
		rows.put("skipped", String.valueOf(counts.skipped()));
		rows.put("failed", String.valueOf(counts.failed()));
		rows.put("pending", String.valueOf(counts.pending()));
		rows.put("unsettled", String.valueOf(counts.unsettled()));
		rows.put("needs review", review.describe() + ((review.undecided() > 0)
				? "; approve with --approve " + jobExecutionId + " KEY... --reason=TEXT (or --reject), or in the"
						+ " review (--serve): the next real run merges what was approved"
				: ""));
		rows.put("contacts merged away", String.valueOf(counts.contactsMergedAway()));
		rows.put("by reason", reasons(counts));
		if (run.plan() != null) {
			rows.put("review", "merged as reviewed " + counts.merged() + ", changed since review "
					+ counts.changedSinceReview() + ", rejected in review " + counts.rejectedInReview()
					+ ", not in the plan " + counts.notInPlan() + ", no longer listed " + counts.noLongerListed());
		}
		rows.put("follow-up updates", "planned " + counts.followUpsPlanned() + ", sent " + counts.followUpsSent()
				+ ", failed " + counts.followUpsFailed() + ", pending " + counts.followUpsPending());
		rows.put("audit rows", "SELECT * FROM dedup_audit WHERE job_instance_id = " + run.instance() + " ORDER BY id");
		return rows;
	}

	/** {@code names-differ 14, too-large 9}: the skipped and failed groups by reason, most first; {@code none}. */
	public static String reasons(RunFacts.Counts counts) {
		List<Map.Entry<String, Long>> reasons = new ArrayList<>(counts.reasonCounts().entrySet());
		reasons.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		return reasons.isEmpty() ? "none"
				: String.join(", ", reasons.stream().map((reason) -> reason.getKey() + " " + reason.getValue()).toList());
	}

	static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max) + "…";
	}

}
