package io.inventdedup.invent;

import java.time.Duration;

/**
 * No permit could be had from the API budget because its database did not answer within
 * {@code invent.api.budget-timeout}. No call is sent without a permit, so the run stops: what was
 * sent before is recorded when the database answers again, or settled by the next run.
 */
public class ApiBudgetUnavailableException extends RuntimeException {

	ApiBudgetUnavailableException(String budget, Duration timeout, Throwable cause) {
		super("No permit from the API budget '" + budget + "': its database did not answer within " + timeout
				+ " (invent.api.budget-timeout); no call is sent without a permit. When the database is back, run "
				+ "the same command to resume", cause);
	}

}
