package io.inventdedup.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * The facts of a run as people read them ({@code --report ID}, the run's page): its last execution,
 * its parameters, its counts ({@code dedup_run_summary}) and what its last listing read.
 *
 * @param instance the run (job instance)
 * @param org the org, from the rows, the listing or the parameters
 * @param executionStatus the last execution's status ({@code COMPLETED}, {@code FAILED}, ...)
 * @param exitCode the last execution's exit code
 * @param exitMessage what the last execution ended with, or null
 * @param started when the last execution started, or null
 * @param ended when it ended, or null while it runs
 * @param dryRun whether the run is a dry run (its {@code dryRun} parameter)
 * @param plan the plan it applies (a job execution id), or null
 * @param policy the policy as recorded on its rows, else as its parameters say
 * @param counts the run's counts
 * @param listing what its last listing read, or null when it never completed one
 */
public record RunFacts(long instance, String org, String executionStatus, @Nullable String exitCode,
		@Nullable String exitMessage, @Nullable Instant started, @Nullable Instant ended, boolean dryRun,
		@Nullable String plan, @Nullable String policy, Counts counts, @Nullable ListingFacts listing) {

	/** The one time format of what people read: UTC, to the minute, with the zone. */
	private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** {@code 2026-12-05 07:09 UTC}, or {@code none}. */
	public static String time(@Nullable Instant time) {
		return (time != null) ? UTC_MINUTE.format(time) : "none";
	}

	/** {@code COMPLETED}, or {@code FAILED (exit status RELIST)} when the exit status says more. */
	public static String status(String status, @Nullable String exitCode) {
		return (exitCode == null || exitCode.equals(status)) ? status : status + " (exit status " + exitCode + ")";
	}

	/** How long the last execution took ({@link #duration(Duration)}), or empty while it runs. */
	public String duration() {
		if (this.started == null || this.ended == null) {
			return "";
		}
		return duration(Duration.between(this.started, this.ended));
	}

	/** The one duration format of what people read: {@code 6.6 s}, {@code 2 min 14 s}, {@code 3 h 5 min}. */
	public static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
	}

	/**
	 * The policy in force as the job parameters that set it, in words an operator types
	 * ({@code carryOptOut=true checkNames=true ... survivor=oldest}), whether the rows recorded it (as
	 * JSON) or only the parameters say it; {@code none recorded} when neither does.
	 */
	public String policyWords() {
		if (this.policy == null || this.policy.isBlank()) {
			return "none recorded";
		}
		if (!this.policy.strip().startsWith("{")) {
			return this.policy;
		}
		Map<String, String> words = new TreeMap<>();
		Counts.JSON.readTree(this.policy).properties().forEach((entry) -> words.put(entry.getKey(), entry.getValue().asString()));
		StringBuilder text = new StringBuilder();
		words.forEach((name, value) -> text.append((text.length() > 0) ? " " : "").append(name).append('=').append(value));
		return text.toString();
	}

	/**
	 * A run's counts, the one record of them: every one defined in {@code dedup_run_summary}
	 * ({@code R__Run_summary_view.sql}) and read from it by its column's name ({@link #ROWS}), for the
	 * launcher's summary, the progress log, {@code --report} and the pages. A new count is a column of
	 * the view and a component here.
	 * @param reasons the count of each reason, as JSON ({@code {"too-large": 2}}), or null
	 */
	public record Counts(long groups, long planned, long merged, long skipped, long failed, long pending,
			long unsettled, long needsReview, long contactsMergedAway, @Nullable String reasons,
			long changedSinceReview, long rejectedInReview, long notInPlan, long noLongerListed,
			long followUpsPlanned, long followUpsSent, long followUpsFailed, long followUpsPending) {

		/**
		 * A row of {@code dedup_run_summary} (or of a query selecting its columns) as counts, by name; a
		 * run the view has no row of yet (a query's outer join) counts 0 of each.
		 */
		public static final RowMapper<Counts> ROWS = new DataClassRowMapper<>(Counts.class) {

			@Override
			protected @Nullable Object getColumnValue(ResultSet rs, int index, Class<?> type) throws SQLException {
				Object value = super.getColumnValue(rs, index, type);
				return (value == null && type == long.class) ? Long.valueOf(0) : value;
			}

		};

		static final JsonMapper JSON = JsonMapper.builder().build();

		/** The counts of a run that recorded nothing yet. */
		public static Counts none() {
			return new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0);
		}

		/** Follow-up updates failed or not sent yet. */
		public long followUpsDue() {
			return this.followUpsFailed + this.followUpsPending;
		}

		/** How many SKIPPED, FAILED and waiting rows carry each reason, by reason in order. */
		public Map<String, Long> reasonCounts() {
			Map<String, Long> counts = new TreeMap<>();
			if (this.reasons != null) {
				JSON.readTree(this.reasons).properties().forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asLong()));
			}
			return counts;
		}

	}

	/**
	 * What the run's last listing read.
	 * @param announced the last {@code pagination-count}, or -1 when none was announced
	 * @param collected the distinct groups collected
	 * @param listings how many times the run listed
	 * @param oldestMergeAgeMillis the age of the oldest listing a merge acted on, or -1
	 */
	public record ListingFacts(long announced, long collected, int listings, long oldestMergeAgeMillis) {

	}

}
