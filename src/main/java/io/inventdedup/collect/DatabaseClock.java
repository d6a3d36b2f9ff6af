package io.inventdedup.collect;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's clock, which every age the job compares is measured on: a listing begins at the
 * database's {@code now()}, and its age is the database's now less that, whatever the clock of the
 * pod the run is on says (a node whose NTP is down may be an hour out). Read as this process's
 * clock corrected by the difference between the two, measured with a {@code SELECT now()} when
 * first read, again every {@link #REMEASURE} and whenever this process's clock is set; the
 * difference is logged when it is more than {@link #NOTICEABLE}.
 */
public final class DatabaseClock extends Clock {

	private static final Logger log = LoggerFactory.getLogger(DatabaseClock.class);

	/** How often the difference between the clocks is measured again. */
	static final Duration REMEASURE = Duration.ofMinutes(1);

	/** A difference between the clocks worth a line in the log. */
	static final Duration NOTICEABLE = Duration.ofSeconds(5);

	private final Clock local;

	private final JdbcTemplate jdbc;

	private volatile Duration offset = Duration.ZERO;

	private volatile long measuredNanos;

	private volatile Instant measuredLocal = Instant.EPOCH;

	private volatile boolean measured;

	public DatabaseClock(DataSource dataSource, Clock local) {
		this.local = local;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public Instant instant() {
		Instant local = this.local.instant();
		if (!this.measured || System.nanoTime() - this.measuredNanos > REMEASURE.toNanos() || stepped(local)) {
			measure();
			local = this.local.instant();
		}
		return local.plus(this.offset);
	}

	/** Whether this process's clock was set (NTP stepped it, a test shifted it) since the last measure. */
	private boolean stepped(Instant local) {
		Duration byClock = Duration.between(this.measuredLocal, local);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.measuredNanos);
		return byClock.minus(elapsed).abs().compareTo(Duration.ofSeconds(1)) > 0;
	}

	/** How far the database's clock is ahead of this process's (negative: behind). */
	public Duration offset() {
		instant();
		return this.offset;
	}

	/** A time of this process's clock (Spring Batch's) on the database's. */
	public Instant fromLocal(Instant local) {
		return local.plus(offset());
	}

	private synchronized void measure() {
		Instant before = this.local.instant();
		Timestamp now = this.jdbc.queryForObject("SELECT now()", Timestamp.class);
		Instant after = this.local.instant();
		Instant local = before.plus(Duration.between(before, after).dividedBy(2));
		Duration offset = Duration.between(local, now.toInstant());
		if (offset.abs().compareTo(NOTICEABLE) > 0 && (!this.measured
				|| offset.minus(this.offset).abs().compareTo(NOTICEABLE) > 0)) {
			log.atWarn()
				.addKeyValue("offsetSeconds", offset.toSeconds())
				.log("This process's clock is {} s {} the database's: ages are measured on the database's clock",
						offset.abs().toSeconds(), offset.isNegative() ? "ahead of" : "behind");
		}
		this.offset = offset;
		this.measuredNanos = System.nanoTime();
		this.measuredLocal = this.local.instant();
		this.measured = true;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		DatabaseClock database = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return database.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return database.withZone(other);
			}

		};
	}

}
