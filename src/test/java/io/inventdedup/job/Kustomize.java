package io.inventdedup.job;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The manifests as a cluster would get them: {@code kubectl kustomize} (kustomize v5), each object
 * parsed with the fabric8 Kubernetes object model, and a field the model does not know is a
 * failure, not a field quietly dropped.
 */
final class Kustomize {

	private static final KubernetesSerialization serialization = new KubernetesSerialization();

	private Kustomize() {
	}

	/** {@code kubectl kustomize}, parsed strictly. */
	static List<HasMetadata> render(String kustomization) {
		String yaml = kubectl("kustomize", kustomization);
		List<HasMetadata> objects = new ArrayList<>();
		for (String document : yaml.split("(?m)^---\\s*$")) {
			if (!document.isBlank()) {
				objects.add(parseStrictly(document, HasMetadata.class));
			}
		}
		return objects;
	}

	/** One manifest, parsed strictly. */
	static <T> T parseStrictly(String yaml, Class<T> type) {
		T object = serialization.unmarshal(yaml, type);
		assertNoUnknownFields(object, object.getClass().getSimpleName());
		return object;
	}

	/** The model keeps fields it does not know in {@code additionalProperties}: there must be none. */
	private static void assertNoUnknownFields(Object object, String path) {
		if (object == null || !object.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : object.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
					|| getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(object);
			}
			catch (ReflectiveOperationException ex) {
				throw new AssertionError(ex);
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				assertThat((Map<?, ?>) value).as("fields unknown to Kubernetes at %s", path).isNullOrEmpty();
			}
			else if (value instanceof Collection<?> values) {
				values.forEach((item) -> assertNoUnknownFields(item, path + "." + getter.getName().substring(3)));
			}
			else if (value instanceof Map<?, ?> map) {
				map.values().forEach((item) -> assertNoUnknownFields(item, path + "." + getter.getName().substring(3)));
			}
			else {
				assertNoUnknownFields(value, path + "." + getter.getName().substring(3));
			}
		}
	}

	/** What {@code kubectl} prints; fails when it is missing or fails. */
	static String kubectl(String... args) {
		List<String> command = Stream.concat(Stream.of("kubectl"), Stream.of(args)).toList();
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				fail("'" + String.join(" ", command) + "' failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new AssertionError("kubectl (with kustomize v5) is needed to render k8s/ and was not found on "
					+ "the PATH: install kubectl, the manifests are never left untested", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
