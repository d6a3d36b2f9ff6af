package io.inventdedup.merge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run per org, whatever becomes of its database session: a lease row ({@code dedup_org_lease})
 * with a fencing token, renewed every {@link #RENEWAL} by a thread of its own, plus the PostgreSQL
 * advisory lock of earlier versions as a fast signal that a holder's process is gone.
 * <ul>
 * <li><b>Taking it.</b> No row, or an expired one (the database's clock alone): taken, the token one
 * more than the last. A live row whose holder still holds the advisory lock: another run is going,
 * answer empty (exit 3). A live row whose advisory lock is free (its process died, or the database
 * ended its idle lock session: {@code idle_session_timeout}, a pooler): taken at once when its holder
 * was a process of this host that no longer exists; else the row is watched for
 * {@link #TAKEOVER}; renewed twice meanwhile, its holder lives (exit 3); else its holder is gone
 * and the lease is taken over at once, so that a run killed with {@code kill -9} is resumed in
 * seconds.</li>
 * <li><b>Holding it.</b> Every merge is fenced twice: the transaction that records a chunk's PENDING
 * rows checks that the row still has this run's token and has not expired ({@link #fence}), and
 * just before each merge is sent the run checks that its last renewal is less than {@link #STALE}
 * old and that no renewal found another token ({@link #checkMaySend}). A run that finds either false
 * stops before its next merge and says why ({@link LeaseLostException}). Since a takeover waits
 * longer without a renewal than a holder goes on sending without one, two runs never send merges
 * for one org at once.</li>
 * <li><b>Ending it.</b> {@link #close} deletes the row and releases the advisory lock, so that the
 * next run starts at once.</li>
 * </ul>
 * Why a lease and not the advisory lock alone: a session-level lock ends with its session, and
 * managed PostgreSQL services and poolers end idle sessions; a run takes hours.
 */
public final class OrgLease implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OrgLease.class);

	/** How often the holder renews its lease. */
	static final Duration RENEWAL = Duration.ofSeconds(3);

	/** How long after its last renewal the holder still sends merges. */
	static final Duration STALE = RENEWAL.multipliedBy(2);

	/**
	 * How long a new run watches a live lease whose holder's advisory lock is free before taking it:
	 * a living holder renews it twice meanwhile.
	 */
	static final Duration TAKEOVER = STALE.plusSeconds(1);

	/** How long a failed run waits for the database to say whether another run took its org over. */
	private static final Duration ASK_AGAIN = Duration.ofSeconds(2);

	/** How long a renewal keeps the lease, on the database's clock. */
	static final Duration EXPIRY = RENEWAL.multipliedBy(3);

	/** The first key of the advisory lock: this application's, so that other advisory locks never collide. */
	private static final int LOCK_SPACE = 0x1DED;

	private static final String TAKE = """
			INSERT INTO dedup_org_lease (org_id, token, holder, acquired_at, renewed_at, expires_at)
			VALUES (?, 1, ?, now(), now(), now() + ?::interval)
			ON CONFLICT (org_id) DO UPDATE SET token = dedup_org_lease.token + 1, holder = excluded.holder,
			    acquired_at = now(), renewed_at = now(), expires_at = excluded.expires_at
			WHERE dedup_org_lease.token = ? AND (dedup_org_lease.expires_at <= now() OR ?)
			RETURNING token
			""";

	private final JdbcTemplate jdbc;

	private final String orgId;

	private final long token;

	private final @Nullable Connection lockConnection;

	private final ScheduledExecutorService renewer;

	private volatile long renewedNanos = System.nanoTime();

	private volatile @Nullable String lost;

	private OrgLease(JdbcTemplate jdbc, String orgId, long token, @Nullable Connection lockConnection) {
		this.jdbc = jdbc;
		this.orgId = orgId;
		this.token = token;
		this.lockConnection = lockConnection;
		this.renewer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "invent-dedup-lease-" + orgId);
			thread.setDaemon(true);
			return thread;
		});
		this.renewer.scheduleWithFixedDelay(this::renew, RENEWAL.toMillis(), RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Takes the org's lease, or answers empty when another run holds it (at once when its process
	 * holds the advisory lock, after at most {@link #TAKEOVER} when only its renewals say it lives).
	 */
	public static Optional<OrgLease> acquire(DataSource dataSource, String orgId) throws SQLException {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Connection lockConnection = advisoryLock(dataSource, orgId);
		try {
			Long token = take(jdbc, orgId, false);
			if (token == null && lockConnection != null) {
				token = takeOverIfNotRenewed(jdbc, orgId);
			}
			if (token == null) {
				unlock(lockConnection, orgId);
				return Optional.empty();
			}
			log.atDebug().addKeyValue("orgId", orgId).addKeyValue("token", token).log("Took the org's lease");
			return Optional.of(new OrgLease(jdbc, orgId, token, lockConnection));
		}
		catch (RuntimeException ex) {
			unlock(lockConnection, orgId);
			throw ex;
		}
	}

	/**
	 * The lease's token, for the row or none: taken when free or expired, or at once when {@code anyway}.
	 * A row left expired is a run that did not end (a clean end deletes it): taking it over is said.
	 */
	private static @Nullable Long take(JdbcTemplate jdbc, String orgId, boolean anyway) {
		List<Map<String, Object>> current = jdbc.queryForList("""
				SELECT token, holder, to_char(renewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"') AS renewed_at
				  FROM dedup_org_lease WHERE org_id = ?
				""", orgId);
		long seen = current.isEmpty() ? 0 : ((Number) current.get(0).get("token")).longValue();
		List<Long> taken = jdbc.queryForList(TAKE, Long.class, orgId, holder(), EXPIRY.toMillis() + " milliseconds", seen,
				anyway);
		// Taken from a row that was there (its token one more), not inserted after a clean end deleted it.
		if (!taken.isEmpty() && !current.isEmpty() && !anyway && taken.get(0) == seen + 1) {
			log.atWarn()
				.addKeyValue("orgId", orgId)
				.addKeyValue("holder", current.get(0).get("holder"))
				.log("The run that held this org ({}) renewed its lease last at {} and let it expire; taking the org over",
						current.get(0).get("holder"), current.get(0).get("renewed_at"));
		}
		return taken.isEmpty() ? null : taken.get(0);
	}

	/**
	 * The holder's advisory lock is free, its lease live: watched for {@link #TAKEOVER}; taken if no
	 * renewal came (its process is gone), none if one did (it lives, its lock session was ended).
	 */
	private static @Nullable Long takeOverIfNotRenewed(JdbcTemplate jdbc, String orgId) {
		if (holderIsGoneFromThisHost(jdbc, orgId)) {
			log.atWarn()
				.addKeyValue("orgId", orgId)
				.log("The run that held this org was a process of this host that is gone; taking the org over");
			return take(jdbc, orgId, true);
		}
		String seen = renewedAt(jdbc, orgId);
		// Two renewals: a holder frozen a moment ago may still land the one it had sent.
		int renewals = 0;
		long deadline = System.nanoTime() + TAKEOVER.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			String now = renewedAt(jdbc, orgId);
			if (now == null) {
				return take(jdbc, orgId, false);
			}
			if (!now.equals(seen)) {
				seen = now;
				if (++renewals == 2) {
					return null;
				}
			}
		}
		log.atWarn()
			.addKeyValue("orgId", orgId)
			.log("The run that held this org renewed its lease no more and its process is gone; taking the org over");
		return take(jdbc, orgId, true);
	}

	/** Whether the lease's holder was a process of this host (same name) that no longer exists. */
	private static boolean holderIsGoneFromThisHost(JdbcTemplate jdbc, String orgId) {
		List<String> holders = jdbc.queryForList("SELECT holder FROM dedup_org_lease WHERE org_id = ?", String.class,
				orgId);
		if (holders.isEmpty()) {
			return false;
		}
		String holder = holders.get(0);
		String here = " on " + host();
		if (!holder.startsWith("pid ") || !holder.endsWith(here)) {
			return false;
		}
		try {
			long pid = Long.parseLong(holder.substring(4, holder.length() - here.length()));
			return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map((p) -> !p.isAlive()).orElse(true);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static @Nullable String renewedAt(JdbcTemplate jdbc, String orgId) {
		List<String> renewed = jdbc.queryForList(
				"SELECT token || ' ' || renewed_at::text FROM dedup_org_lease WHERE org_id = ?", String.class, orgId);
		return renewed.isEmpty() ? null : renewed.get(0);
	}

	/** The advisory lock on a connection of its own, or null when another session holds it. */
	private static @Nullable Connection advisoryLock(DataSource dataSource, String orgId) throws SQLException {
		Connection connection = dataSource.getConnection();
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
			connection.setAutoCommit(true);
			statement.setInt(1, LOCK_SPACE);
			statement.setString(2, orgId);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				if (result.getBoolean(1)) {
					return connection;
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		connection.close();
		return null;
	}

	private static void unlock(@Nullable Connection connection, String orgId) {
		if (connection == null) {
			return;
		}
		try {
			if (!connection.isValid(2)) {
				// Its session was ended (the very case a lease is for): nothing to release.
				connection.close();
				return;
			}
		}
		catch (SQLException ex) {
			// Closed already: nothing to release.
			return;
		}
		try (Connection held = connection;
				PreparedStatement statement = held.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
			statement.setInt(1, LOCK_SPACE);
			statement.setString(2, orgId);
			statement.execute();
		}
		catch (SQLException ex) {
			// Its session may have been ended already (the very case a lease is for): nothing to release.
			log.atDebug().addKeyValue("orgId", orgId).log("The advisory lock's session was already gone: {}", ex.getMessage());
		}
	}

	private static String holder() {
		return "pid " + ProcessHandle.current().pid() + " on " + host();
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown host";
		}
	}

	/** The org this lease is of. */
	public String orgId() {
		return this.orgId;
	}

	private void renew() {
		try {
			int renewed = this.jdbc.update("UPDATE dedup_org_lease SET renewed_at = now(), expires_at = now() + ?::interval "
					+ "WHERE org_id = ? AND token = ?", EXPIRY.toMillis() + " milliseconds", this.orgId, this.token);
			if (renewed == 0) {
				lose(LeaseLostException.TAKEN_OVER);
				return;
			}
			this.renewedNanos = System.nanoTime();
		}
		catch (RuntimeException ex) {
			log.atWarn()
				.addKeyValue("orgId", this.orgId)
				.log("The org's lease could not be renewed ({}); merges stop if it cannot be for {} s", ex.getMessage(),
						STALE.toSeconds());
		}
	}

	private void lose(String why) {
		if (this.lost == null) {
			this.lost = why;
			log.atError().addKeyValue("orgId", this.orgId).log("This run lost the org's lease: {}", why);
		}
	}

	/**
	 * Throws {@link LeaseLostException} unless a merge may be sent now: no renewal found another
	 * token, and the last renewal is less than {@link #STALE} old (on this process's monotonic clock).
	 */
	public void checkMaySend() {
		String why = this.lost;
		if (why == null && stale()) {
			why = "it could not be renewed for " + STALE.toSeconds() + " s";
		}
		if (why != null) {
			throw new LeaseLostException(this.orgId, why);
		}
	}

	/**
	 * Another run's takeover of this org, if a renewal found it; asked of the database once more (for at
	 * most {@link #ASK_AGAIN}) when the lease is stale, as it is when a run fails after being frozen: its
	 * first failure may be a connection its database ended meanwhile, and the run must say that another
	 * run took its org over rather than only that.
	 */
	public Optional<LeaseLostException> takenOver() {
		if (this.lost == null && stale()) {
			Future<?> asked = null;
			try {
				asked = this.renewer.submit(this::renew);
				asked.get(ASK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException | TimeoutException | RejectedExecutionException ex) {
				// The database cannot say now (an outage): the run's own failure says what happened. Not
				// asked later, once close() has deleted the row (it would read as a takeover).
				if (asked != null) {
					asked.cancel(true);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return Optional.ofNullable(this.lost).map((why) -> new LeaseLostException(this.orgId, why));
	}

	private boolean stale() {
		return System.nanoTime() - this.renewedNanos > STALE.toNanos();
	}

	/**
	 * In the transaction that records merges about to be sent: the row still has this run's token
	 * and has not expired (the database's clock), else {@link LeaseLostException}.
	 */
	void fence() {
		checkMaySend();
		List<Long> live = this.jdbc.queryForList(
				"SELECT token FROM dedup_org_lease WHERE org_id = ? AND token = ? AND expires_at > now() FOR SHARE",
				Long.class, this.orgId, this.token);
		if (live.isEmpty()) {
			lose("its row has another token or expired");
			throw new LeaseLostException(this.orgId, "its row has another token or expired");
		}
	}

	/** Stops renewing, deletes the row (if still this run's) and releases the advisory lock. */
	@Override
	public void close() {
		this.renewer.shutdownNow();
		try {
			this.jdbc.update("DELETE FROM dedup_org_lease WHERE org_id = ? AND token = ?", this.orgId, this.token);
		}
		catch (RuntimeException ex) {
			log.warn("The org's lease could not be released ({}); it expires in {} s", ex.getMessage(),
					EXPIRY.toSeconds());
		}
		unlock(this.lockConnection, this.orgId);
	}

}
