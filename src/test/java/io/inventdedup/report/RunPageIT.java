package io.inventdedup.report;

import org.junit.jupiter.api.Test;

import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.JobProcess;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --report ID --html=-} of the packaged jar writes the page alone to standard output, so
 * that {@code kubectl exec ... > run.html} gives a page that opens: no log line before or in it.
 */
class RunPageIT {

	@Test
	void writesThePageAloneToStandardOutput() {
		OrgGenerator.seeded(90).populate(TestInfrastructure.simulator().org("page-stdout"), 20, 0);
		JobProcess dryRun = JobProcess.start("page-stdout-run", new String[] { "orgId=page-stdout" });
		assertThat(dryRun.waitFor(120)).as(dryRun.output()).isZero();
		long execution = new JdbcTemplate(TestInfrastructure.postgres().getPostgresDatabase()).queryForObject("SELECT max(job_execution_id) FROM dedup_audit WHERE org_id = 'page-stdout'", Long.class);

		JobProcess page = JobProcess.start("page-stdout-html",
				new String[] { "--report", String.valueOf(execution), "--html=-" });

		assertThat(page.waitFor(120)).isZero();
		assertThat(page.output()).startsWith("<!DOCTYPE html>")
			.endsWith("</html>\n")
			.contains("\"org\":\"page-stdout\"")
			.doesNotContain(TestInfrastructure.TOKEN);
	}

}
