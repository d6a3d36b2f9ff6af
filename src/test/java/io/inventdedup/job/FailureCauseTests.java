package io.inventdedup.job;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import io.inventdedup.merge.LeaseLostException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure of the database told apart: a value it refused is not an outage; a run whose org was
 * taken over says so first, whatever its database answered.
 */
class FailureCauseTests {

	@Test
	void aValueThePostgresqlRefusedIsReportedAsSuchNotAsAnOutage() {
		SQLException refused = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
		String line = FailureCause.describe(new IllegalStateException("Unable to process chunk",
				new DataIntegrityViolationException("PreparedStatementCallback", refused)));
		assertThat(line).startsWith("PostgreSQL refused a value the job sent: ERROR: invalid byte sequence")
			.contains("the database is up")
			.doesNotContain("stopped answering");
	}

	@Test
	void aLostConnectionIsStillTheDatabaseStoppedAnswering() {
		SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
		assertThat(FailureCause.describe(new DataAccessResourceFailureException("lost", lost)))
			.startsWith("PostgreSQL stopped answering: An I/O error occurred");
	}

	@Test
	void aRunWhoseOrgWasTakenOverSaysSoBeforeTheConnectionItsDatabaseEnded() {
		SQLException ended = new SQLException("An I/O error occurred while sending to the backend.", "08006");
		List<String> lines = FailureCause.describe(List.of(
				new IllegalStateException("Unable to process chunk", new DataAccessResourceFailureException("lost", ended)),
				new LeaseLostException("acme", "another run took the org over")));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("this run lost the lease on org acme (another run took the org over)");
		assertThat(lines.get(1)).startsWith("PostgreSQL stopped answering: An I/O error occurred");
		assertThat(FailureCause.describe(new IllegalStateException("Unable to process chunk",
				new LeaseLostException("acme", "another run took the org over"))))
			.startsWith("this run lost the lease on org acme");
		assertThat(FailureCause.describe(List.of(new LeaseLostException("acme", "it could not be renewed for 6 s"),
				new LeaseLostException("acme", LeaseLostException.TAKEN_OVER))))
			.as("that another run took the org over, rather than that the lease went stale")
			.containsExactly(new LeaseLostException("acme", LeaseLostException.TAKEN_OVER).getMessage());
	}

}
