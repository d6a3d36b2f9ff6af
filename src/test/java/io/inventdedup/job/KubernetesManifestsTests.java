package io.inventdedup.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.inventdedup.run.RunParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest under {@code k8s/}, rendered with {@code kubectl kustomize} and parsed with the
 * fabric8 Kubernetes object model, failing on any field the model does not know ({@link Kustomize});
 * then what must hold is asserted on the rendered objects.
 */
class KubernetesManifestsTests {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Z_]+)\\)");

	@ParameterizedTest
	@ValueSource(strings = { "k8s/base", "k8s/overlays/dry-run", "k8s/overlays/merge" })
	void rendersAKustomizationWhosePodGetsEveryKeyItReadsAndRunsLockedDown(String kustomization) {
		List<HasMetadata> objects = Kustomize.render(kustomization);

		CronJob cronJob = only(objects, CronJob.class);
		assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
		assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isPositive();
		assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isPositive();
		assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isPositive();
		JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
		assertJobRunsTheJarSafely(job, objects);
		Container container = job.getTemplate().getSpec().getContainers().get(0);
		assertThat(container.getArgs()).as("pod retries resume the same run: runKey is the Job's name")
			.contains("runKey=$(JOB_NAME)");
		assertThat(container.getEnv()).filteredOn((env) -> env.getName().equals("JOB_NAME"))
			.singleElement()
			.satisfies((env) -> assertThat(env.getValueFrom().getFieldRef().getFieldPath())
				.isEqualTo("metadata.labels['job-name']"));
		ServiceAccount account = only(objects, ServiceAccount.class);
		assertThat(account.getAutomountServiceAccountToken()).isFalse();
		assertThat(job.getTemplate().getSpec().getServiceAccountName()).isEqualTo(account.getMetadata().getName());
		assertThat(objects).noneMatch((object) -> object.getKind().equals("Secret"))
			.noneMatch((object) -> object.getKind().endsWith("Role") || object.getKind().endsWith("RoleBinding"));
	}

	@Test
	void onlyTheMergeOverlaySaysExplicitlyThatItMerges() {
		assertThat(runSetting(Kustomize.render("k8s/base"), "DRY_RUN")).isEqualTo("true");
		assertThat(runSetting(Kustomize.render("k8s/overlays/dry-run"), "DRY_RUN")).isEqualTo("true");
		assertThat(runSetting(Kustomize.render("k8s/overlays/merge"), "DRY_RUN")).isEqualTo("false");
		assertThat(runSetting(Kustomize.render("k8s/overlays/merge"), "ORG_ID")).isEqualTo("acme");
	}

	@Test
	void mountsTheOperatorsConfigurationAsItIsInTheRepository() throws IOException {
		ConfigMap config = Kustomize.render("k8s/base").stream()
			.filter((object) -> object.getMetadata().getName().equals("invent-dedup-config"))
			.map(ConfigMap.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(config.getData().get("application.yml"))
			.isEqualTo(Files.readString(Path.of("config", "application.yml")));
	}

	@ParameterizedTest(name = "k8s/manual/{0}")
	@ValueSource(strings = { "job.yaml", "apply-plan.yaml" })
	void theManualJobsRunThePodOfTheCronJobWithParametersOfTheirOwn(String file) throws IOException {
		List<HasMetadata> deployed = Kustomize.render("k8s/overlays/merge");
		Job manual = Kustomize.parseStrictly(Files.readString(Path.of("k8s", "manual", file)), Job.class);
		assertJobRunsTheJarSafely(manual.getSpec(), deployed);
		PodSpec manualPod = manual.getSpec().getTemplate().getSpec();
		PodSpec cronPod = only(deployed, CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
		assertThat(manualPod).usingRecursiveComparison()
			.ignoringFields("containers.args")
			.as("the manual Job's pod is the CronJob's, but for its arguments")
			.isEqualTo(cronPod);
		if (file.equals("apply-plan.yaml")) {
			assertThat(manualPod.getContainers().get(0).getArgs()).contains("dryRun=false").anyMatch((arg) -> arg.startsWith("plan="));
		}
	}

	@Test
	void theReviewRunsLockedDownWithProbesFromActuatorEveryKeyItReadsAndNoApiToken() throws IOException {
		List<HasMetadata> objects = Kustomize.render("k8s/review");
		Deployment deployment = only(objects, Deployment.class);
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(pod.getServiceAccountName()).isEqualTo(only(objects, ServiceAccount.class).getMetadata().getName());
		Container container = pod.getContainers().get(0);
		assertThat(container.getArgs()).containsExactly("--serve");
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getVolumeMounts()).anyMatch((mount) -> mount.getMountPath().equals("/tmp"));
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
		assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		assertThat(container.getPorts()).singleElement()
			.satisfies((port) -> assertThat(port.getContainerPort()).isEqualTo(8080));
		Service service = only(objects, Service.class);
		assertThat(service.getSpec().getSelector())
			.isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
		assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
			.isEqualTo(container.getPorts().get(0).getName());

		Secret template = Kustomize.parseStrictly(Files.readString(Path.of("k8s", "review", "secret-template.yaml")),
				Secret.class);
		Set<String> read = new HashSet<>();
		for (EnvVar env : container.getEnv()) {
			if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
				assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(template.getMetadata().getName());
				read.add(env.getValueFrom().getSecretKeyRef().getKey());
			}
		}
		assertThat(template.getStringData().keySet()).isEqualTo(read);
		assertThat(template.getStringData().values()).allMatch((value) -> value.startsWith("<"));
		ConfigMap settings = configMap(objects, container.getEnvFrom().get(0).getConfigMapRef().getName());
		assertThat(settings.getData()).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_IDP_ISSUER_URI",
				"SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_IDP_CLIENT_ID");
		assertThat(Kustomize.kubectl("kustomize", "k8s/review")).as("the review never holds the API token")
			.doesNotContain("INVENT_API_TOKEN");
		assertThat(objects).noneMatch((object) -> object.getKind().equals("Secret"));
	}

	@Test
	void theSecretTemplateHoldsEveryKeyThePodReadsAndNoRealSecret() throws IOException {
		Secret template = Kustomize.parseStrictly(Files.readString(Path.of("k8s", "secret-template.yaml")), Secret.class);
		Container container = only(Kustomize.render("k8s/base"), CronJob.class).getSpec()
			.getJobTemplate()
			.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0);
		Set<String> read = new HashSet<>();
		for (EnvVar env : container.getEnv()) {
			if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
				assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(template.getMetadata().getName());
				read.add(env.getValueFrom().getSecretKeyRef().getKey());
			}
		}
		assertThat(template.getStringData().keySet()).isEqualTo(read).contains("INVENT_API_TOKEN");
		assertThat(template.getStringData().values()).allMatch((value) -> value.startsWith("<"));
	}

	@Test
	void deploysEachOrgOfAFolderAsACronJobOfItsOwnWithEveryObjectNamedAfterTheOrg() {
		List<HasMetadata> objects = Kustomize.render("k8s/orgs");

		assertThat(objects.stream().map((object) -> object.getKind() + "/" + object.getMetadata().getName()))
			.as("every object named per org")
			.doesNotHaveDuplicates();
		List<CronJob> cronJobs = objects.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).toList();
		assertThat(cronJobs).extracting((cronJob) -> cronJob.getMetadata().getName())
			.containsExactlyInAnyOrder("invent-dedup-acme", "invent-dedup-globex");
		for (CronJob cronJob : cronJobs) {
			String org = cronJob.getMetadata().getName().substring("invent-dedup-".length());
			JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
			assertJobRunsTheJarSafely(job, objects);
			ConfigMap run = configMap(objects,
					job.getTemplate().getSpec().getContainers().get(0).getEnvFrom().get(0).getConfigMapRef().getName());
			assertThat(run.getData()).containsEntry("ORG_ID", org);
			assertThat(cronJob.getSpec().getSchedule()).isEqualTo(run.getData().get("SCHEDULE"));
			assertThat(cronJob.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", org);
			assertThat(job.getTemplate().getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", org);
			assertThat(job.getTemplate().getSpec().getServiceAccountName()).isEqualTo("invent-dedup-" + org);
			assertThat(job.getTemplate().getSpec().getVolumes())
				.anyMatch((volume) -> volume.getConfigMap() != null
						&& volume.getConfigMap().getName().equals("invent-dedup-config-" + org));
		}
		assertThat(configMap(objects, "invent-dedup-run-acme").getData()).containsEntry("DRY_RUN", "true");
		assertThat(configMap(objects, "invent-dedup-run-globex").getData()).containsEntry("DRY_RUN", "false");
	}

	private static void assertJobRunsTheJarSafely(JobSpec job, List<HasMetadata> objects) {
		assertThat(job.getBackoffLimit()).as("pod retries").isPositive();
		assertThat(job.getActiveDeadlineSeconds()).as("a deadline for the whole run").isPositive();
		assertThat(job.getTtlSecondsAfterFinished()).as("finished jobs cleaned up").isPositive();
		PodSpec pod = job.getTemplate().getSpec();
		assertThat(pod.getRestartPolicy()).isEqualTo("Never");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
		assertThat(pod.getTerminationGracePeriodSeconds()).as("longer than dedup.stop-timeout")
			.isGreaterThan(Duration.ofSeconds(25).toSeconds());
		assertThat(pod.getContainers()).hasSize(1);
		Container container = pod.getContainers().get(0);
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
		assertThat(container.getResources().getLimits()).containsKey("memory");
		assertThat(env(container, "JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
		assertThat(env(container, "SPRING_PROFILES_ACTIVE")).isEqualTo("kubernetes");
		assertThat(container.getCommand()).as("the image's entrypoint runs the jar's main class").isNullOrEmpty();
		Set<String> available = new HashSet<>();
		container.getEnv().forEach((env) -> available.add(env.getName()));
		for (EnvFromSource source : container.getEnvFrom()) {
			ConfigMap map = configMap(objects, source.getConfigMapRef().getName());
			available.addAll(map.getData().keySet());
		}
		for (String arg : container.getArgs()) {
			String name = arg.substring(0, arg.indexOf('='));
			assertThat(RunParameters.NAMES).as("argument %s is a job parameter", arg).contains(name);
			Matcher variable = VARIABLE.matcher(arg);
			while (variable.find()) {
				assertThat(available).as("%s of %s is set for the container", variable.group(1), arg)
					.contains(variable.group(1));
			}
		}
		assertThat(available).contains("INVENT_API_TOKEN", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD");
		pod.getVolumes()
			.stream()
			.filter((volume) -> volume.getConfigMap() != null)
			.forEach((volume) -> assertThat(configMap(objects, volume.getConfigMap().getName()).getData())
				.containsKey("application.yml"));
		assertThat(container.getVolumeMounts()).anyMatch((mount) -> mount.getMountPath().equals("/tmp"));
	}

	private static String runSetting(List<HasMetadata> objects, String key) {
		return configMap(objects, "invent-dedup-run").getData().get(key);
	}

	private static String env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((env) -> env.getName().equals(name))
			.map(EnvVar::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " in the container's environment"));
	}

	private static ConfigMap configMap(List<HasMetadata> objects, String name) {
		return objects.stream()
			.filter((object) -> object instanceof ConfigMap && object.getMetadata().getName().equals(name))
			.map(ConfigMap.class::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the pod reads ConfigMap " + name + ", which is not rendered"));
	}

	private static <T> T only(List<HasMetadata> objects, Class<T> type) {
		List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
		assertThat(found).as("one %s", type.getSimpleName()).hasSize(1);
		return found.get(0);
	}

}
