package io.inventdedup.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules of {@code k8s/monitoring} as Prometheus evaluates them: {@code promtool test rules}
 * over {@code rules-test.yaml} (an org without a completed run, a failed run, a group waiting too long).
 */
class AlertRulesTests {

	private static final KubernetesSerialization serialization = new KubernetesSerialization();

	@Test
	void alertsOnAnOrgWithoutACompletedRunFor36HoursOnAFailedRunAndOnAGroupWaitingTooLongAsPromtoolTestsThem() throws Exception {
		GenericKubernetesResource rule = serialization.unmarshal(
				Files.readString(Path.of("k8s", "monitoring", "prometheusrule.yaml")), GenericKubernetesResource.class);
		assertThat(rule.getKind()).isEqualTo("PrometheusRule");
		Path rules = Files.createTempDirectory("rules");
		Files.writeString(rules.resolve("rules.yaml"), serialization.asYaml(rule.getAdditionalProperties().get("spec")));
		Files.copy(Path.of("k8s", "monitoring", "rules-test.yaml"), rules.resolve("rules-test.yaml"));

		Process promtool;
		try {
			promtool = new ProcessBuilder("promtool", "test", "rules", "rules-test.yaml").directory(rules.toFile())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			throw new AssertionError("promtool is needed to test the alert rules and was not found on the PATH: "
					+ "apt-get install prometheus (.ci/run installs it when it is missing)", ex);
		}
		String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(promtool.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS");
	}

}
