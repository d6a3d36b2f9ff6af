package io.inventdedup.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL advisory lock that lets one run per org at a time touch that org. It is held by a
 * connection of its own for the whole run, and released when the run ends or its process dies
 * (PostgreSQL drops the session), so a run left STARTED by a dead process can be recovered safely.
 */
final class OrgLock implements AutoCloseable {

	/** The first key of the lock: this application's, so that other advisory locks never collide. */
	private static final int LOCK_SPACE = 0x1DED;

	private final Connection connection;

	private final String orgId;

	private OrgLock(Connection connection, String orgId) {
		this.connection = connection;
		this.orgId = orgId;
	}

	/** Takes the org's lock, or answers {@code null} at once when another run holds it. */
	static @Nullable OrgLock tryAcquire(DataSource dataSource, String orgId) throws SQLException {
		Connection connection = dataSource.getConnection();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
			connection.setAutoCommit(true);
			statement.setInt(1, LOCK_SPACE);
			statement.setString(2, orgId);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				if (result.getBoolean(1)) {
					return new OrgLock(connection, orgId);
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

	@Override
	public void close() throws SQLException {
		try (Connection held = this.connection;
				PreparedStatement statement = held.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
			statement.setInt(1, LOCK_SPACE);
			statement.setString(2, this.orgId);
			statement.execute();
		}
	}

}
