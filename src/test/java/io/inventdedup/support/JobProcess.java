package io.inventdedup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as its own process, the way an operator runs it, against the embedded
 * PostgreSQL and the simulator. Its output goes to a log file under {@code target/}.
 *
 * <p>In the tests, the jar is started as Spring Boot's documentation advises for a fast start ("Efficient
 * deployments": the jar extracted by its own {@code -Djarmode=tools extract}, with a class-data
 * sharing archive made by one training start), and with the JIT's first tier only: the same
 * application and classes, started in about a third of the time and CPU (docs/benchmarks.md). The
 * extracted jar and its archive are made once per build ({@code target/fast-start}), under a file
 * lock that test JVMs running side by side share.
 */
public final class JobProcess {

	private static final Path JAR = Path.of("target", "invent-dedup.jar");

	private final Process process;

	private final Path log;

	private JobProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/** Starts {@code java -jar target/invent-dedup.jar} with these arguments on the shared database. */
	public static JobProcess start(String logName, String... args) {
		return start(logName, TestInfrastructure.jdbcUrl(), args);
	}

	/** Starts {@code java -jar target/invent-dedup.jar} with these arguments on this database. */
	public static JobProcess start(String logName, String jdbcUrl, String... args) {
		FastStart.Launch launch = FastStart.launch();
		List<String> jvmOptions = new ArrayList<>(launch.options());
		jvmOptions.add("-Xmx256m");
		return start(Path.of("target", "process-logs", logName + ".log"), jdbcUrl, launch.jar(), jvmOptions,
				List.of(args));
	}

	/**
	 * Starts {@code java [jvmOptions] -jar target/invent-dedup.jar [args]} on this database and the
	 * simulator, its output appended to {@code log}: the jar as built, with no option of a fast start
	 * (the benchmarks measure what production runs).
	 */
	public static JobProcess start(Path log, String jdbcUrl, List<String> jvmOptions, List<String> args) {
		return start(log, jdbcUrl, packagedJar(), jvmOptions, args);
	}

	private static JobProcess start(Path log, String jdbcUrl, Path jar, List<String> jvmOptions, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			pointAtTheTestParts(builder.environment(), jdbcUrl);
			return new JobProcess(builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + command, ex);
		}
	}

	/** Points a process of the jar at this database and the simulator. */
	static void pointAtTheTestParts(Map<String, String> env, String jdbcUrl) {
		env.put("SPRING_DATASOURCE_URL", jdbcUrl);
		env.put("SPRING_DATASOURCE_USERNAME", "postgres");
		env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
		env.put("INVENT_API_BASE_URL", TestInfrastructure.simulator().baseUrl());
		env.put("INVENT_API_TOKEN", TestInfrastructure.TOKEN);
	}

	/** The java of this JVM: the archive of classes is valid for the JVM that made it only. */
	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static Path packagedJar() {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: process tests run after 'package' (./mvnw verify)");
		}
		return JAR;
	}

	public long pid() {
		return this.process.pid();
	}

	/** Waits at most this long for the process to end; answers whether it did. */
	public boolean endsWithin(Duration wait) throws InterruptedException {
		return this.process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	public int exitValue() {
		return this.process.exitValue();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** SIGTERM, as Kubernetes sends when it evicts a pod. */
	public void terminate() {
		this.process.destroy();
	}

	/** SIGKILL: the process dies at once, wherever it is. */
	public void kill() {
		this.process.destroyForcibly();
	}

	/** Waits for the process to end and answers its exit code. */
	public int waitFor(long seconds) {
		try {
			if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("the job process did not end within " + seconds + " s; see " + this.log);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	public String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
