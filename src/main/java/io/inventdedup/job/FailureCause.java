package io.inventdedup.job;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.resolver.dns.DnsNameResolverException;
import org.jspecify.annotations.Nullable;

import io.inventdedup.invent.ApiBudgetUnavailableException;
import io.inventdedup.invent.InventAuthenticationException;
import io.inventdedup.merge.LeaseLostException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * A run's failure in one line an operator can act on ("cannot reach https://api.useinvent.com:
 * unknown host api.useinvent.com", "PostgreSQL stopped answering: ..."), found in the failure's
 * chain of causes: Spring Batch wraps every failure of a chunk in "Unable to process chunk", which
 * says nothing, and the stack trace of a failure is ~350 lines. The launcher prints this line in the
 * run's summary and keeps it as the run's exit description (what {@code --report} shows); the stack
 * trace is logged at DEBUG.
 */
final class FailureCause {

	/** The class of SQLSTATE codes for a value the database refused (invalid text, out of range, ...). */
	private static final String DATA_EXCEPTION = "22";

	private FailureCause() {
	}

	/** One line per distinct cause of these failures, in their order. */
	static List<String> describe(List<Throwable> failures) {
		Set<String> lines = new LinkedHashSet<>();
		// The lease's loss first and once, that another run took the org over rather than that the
		// lease went stale, if a check said so: what an operator must know before running the org again.
		failures.stream()
			.filter(FailureCause::isLeaseLost)
			.map(FailureCause::describe)
			.max(Comparator.comparing((line) -> line.contains(LeaseLostException.TAKEN_OVER)))
			.ifPresent(lines::add);
		boolean leaseLost = !lines.isEmpty();
		failures.stream()
			.filter((failure) -> !isLeaseLost(failure))
			// A run that lost its org finds its execution's record changed by the run that took it over.
			.filter((failure) -> !(leaseLost && isOptimisticLockingFailure(failure)))
			.forEach((failure) -> lines.add(describe(failure)));
		return List.copyOf(lines);
	}

	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith(DATA_EXCEPTION)) {
				// The database answered, and refused what it was sent: not an outage.
				return "PostgreSQL refused a value the job sent: " + sql.getMessage()
						+ " (the database is up; this is a fault of the job: report it with the run's id)";
			}
		}
		URI uri = null;
		Throwable ours = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InventAuthenticationException || cause instanceof LeaseLostException) {
				return cause.getMessage();
			}
			if (cause instanceof WebClientRequestException request && uri == null) {
				uri = request.getUri();
			}
			if (cause instanceof UnknownHostException || cause instanceof DnsNameResolverException) {
				return "cannot reach " + origin(uri) + ": unknown host " + ((uri != null) ? uri.getHost() : "")
						+ " (check invent.api.base-url and the pod's DNS)";
			}
			if (cause instanceof ConnectTimeoutException) {
				return "cannot reach " + origin(uri) + ": the connection timed out (check the network between the "
						+ "pod and the API)";
			}
			if (cause instanceof ConnectException) {
				return "cannot reach " + origin(uri) + ": connection refused (check invent.api.base-url and that "
						+ "the API is up)";
			}
			if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
				return "Invent did not answer in time: " + ((ours != null) ? ours.getMessage() : cause.getMessage())
						+ " (run the same command again to resume)";
			}
			if (cause instanceof ApiBudgetUnavailableException || cause instanceof DataAccessException
					|| cause instanceof TransactionException || cause instanceof SQLException) {
				return "PostgreSQL stopped answering: " + deepest(cause).getMessage()
						+ " (check the database, then run the same command again to resume)";
			}
			if (ours == null && cause.getClass().getName().startsWith("io.inventdedup.")) {
				ours = cause;
			}
		}
		Throwable named = (ours != null) ? ours : deepest(failure);
		return (named.getMessage() != null) ? named.getMessage() : named.getClass().getSimpleName();
	}

	private static boolean isLeaseLost(Throwable failure) {
		return causedBy(failure, LeaseLostException.class);
	}

	private static boolean isOptimisticLockingFailure(Throwable failure) {
		return causedBy(failure, OptimisticLockingFailureException.class);
	}

	/** Whether an exception of this type is in the failure's chain of causes. */
	static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String origin(@Nullable URI uri) {
		return (uri == null) ? "the Invent API" : uri.getScheme() + "://" + uri.getHost()
				+ ((uri.getPort() > 0) ? ":" + uri.getPort() : "");
	}

	private static Throwable deepest(Throwable failure) {
		Throwable deepest = failure;
		while (deepest.getCause() != null && deepest.getCause() != deepest) {
			deepest = deepest.getCause();
		}
		return deepest;
	}

}
