package io.inventdedup.invent;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.inventdedup.simulator.Faults;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.JobProcess;
import io.inventdedup.support.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs of two orgs, two processes at once, on one API budget: together they never send more
 * than the budget allows in any window. The budget is a token bucket of {@code rate / 100} permits
 * refilled at {@code rate - rate / 100 - rate / 500} a minute, so any window of {@code T} hands out
 * at most {@code rate / 100 + refill * T / 60 s} permits: at 500 a minute, 499 in any 60 s. Checked
 * here at 1,200 a minute over 5 s windows, so that the test takes seconds, not minutes, counting the
 * requests as the simulator receives them: they may arrive a little closer together than their
 * permits were handed out (scheduling, connections, a pause of a JVM on these two shared cores), so
 * three quarters of a second of the budget is allowed for that (125 requests where the permits allow
 * 110; at 600 a minute over 10 s windows a second allowed 114 where they allowed 104). The same two runs on two budgets go far past it, which shows the check can fail.
 */
class SharedBudgetIT {

	private static final int RATE = 1200;

	private static final Duration WINDOW = Duration.ofSeconds(5);

	/** Most requests a 5 s window may see: 12 permits held, 1,186 a minute refilled, over 5.75 s. */
	private static final int MOST = RATE / 100
			+ (int) ((RATE - RATE / 100 - RATE / 500) * WINDOW.plusMillis(750).toMillis() / 60_000);

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Test
	void twoRunsOnOneBudgetNeverSendMoreThanItAllowsInAnyWindowAndBothComplete() {
		List<String> orgs = orgs("budget-shared");

		List<Integer> exits = runAtOnce(orgs, "it-shared", "it-shared");

		assertThat(exits).containsExactly(0, 0);
		int most = this.simulator.mostRequestsInAnyWindow(WINDOW, orgs.toArray(String[]::new));
		System.out.printf("one budget: %d requests in the busiest %s (at most %d)%n", most, WINDOW, MOST);
		assertThat(most).as("requests of both runs in any %s", WINDOW).isLessThanOrEqualTo(MOST);
		for (String org : orgs) {
			assertThat(this.simulator.mergeLog(org)).hasSize(100);
		}
	}

	@Test
	void twoRunsOnTwoBudgetsGoPastWhatOneBudgetAllows() {
		List<String> orgs = orgs("budget-apart");

		List<Integer> exits = runAtOnce(orgs, "it-apart-1", "it-apart-2");

		assertThat(exits).containsExactly(0, 0);
		int most = this.simulator.mostRequestsInAnyWindow(WINDOW, orgs.toArray(String[]::new));
		System.out.printf("two budgets: %d requests in the busiest %s (one budget allows %d)%n", most, WINDOW, MOST);
		assertThat(most).isGreaterThan(MOST);
	}

	private List<String> orgs(String prefix) {
		List<String> orgs = List.of(prefix + "-1", prefix + "-2");
		for (String orgId : orgs) {
			SimOrg org = this.simulator.org(orgId);
			OrgGenerator.seeded(orgId.hashCode()).plainContacts().maxGroupSize(2).populate(org, 100, 0);
			org.setFaults(Faults.NONE.withLatency(Duration.ofMillis(20), Duration.ZERO));
		}
		return orgs;
	}

	private static List<Integer> runAtOnce(List<String> orgs, String... budgets) {
		List<JobProcess> jobs = List.of(start(orgs.get(0), budgets[0]), start(orgs.get(1), budgets[1]));
		return jobs.stream().map((job) -> job.waitFor(180)).toList();
	}

	private static JobProcess start(String orgId, String budget) {
		return JobProcess.start(orgId, new String[] { "orgId=" + orgId, "dryRun=false",
				"--invent.api.rate-limit-per-minute=" + RATE, "--invent.api.budget=" + budget });
	}

}
