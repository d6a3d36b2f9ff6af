package io.inventdedup.invent;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.InventSimulator;
import io.inventdedup.simulator.SimOrg;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A listing page larger than invent.api.max-response-size is retried, then fails the run: nothing merged. */
@IntegrationTest
@TestPropertySource(properties = "invent.api.max-response-size=16KB")
@ExtendWith(OutputCaptureExtension.class)
class ResponseSizeTests {

	private final InventSimulator simulator = TestInfrastructure.simulator();

	@Autowired
	private DedupJobLauncher launcher;

	@Test
	void failsTheRunWithoutMergingWhenAPageIsLargerThanTheLimit(CapturedOutput output) {
		SimOrg org = this.simulator.org("size-limit");
		Instant t0 = Instant.parse("2022-01-01T00:00:00Z");
		for (int i = 0; i < 60; i++) {
			org.newContact("a-" + i)
				.named("Somebody with a long enough name " + i)
				.createdAt(t0)
				.channels("email:" + i)
				.add();
			org.newContact("b-" + i)
				.named("Somebody with a long enough name " + i)
				.createdAt(t0.plusSeconds(9))
				.channels("email:" + i)
				.add();
		}

		assertThat(this.launcher.launch(List.of("orgId=size-limit", "dryRun=false"))).isEqualTo(1);

		assertThat(this.simulator.requests("size-limit", "GET")).as("retried").isGreaterThan(1);
		assertThat(this.simulator.requests("size-limit", "POST")).isZero();
		assertThat(output).contains("the answer is larger than invent.api.max-response-size (16384B)");
	}

}
