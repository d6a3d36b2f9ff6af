package io.inventdedup.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar made ready to start fast, once per build: extracted by Spring Boot's
 * {@code -Djarmode=tools extract} into {@code target/fast-start}, then started once with
 * {@code -XX:ArchiveClassesAtExit} and {@code -Dspring.context.exit=onRefresh} (the application
 * context refreshed against the embedded PostgreSQL, then closed) to write the archive of the
 * classes it loads. Later starts map that archive ({@code -XX:SharedArchiveFile}); they and the
 * training compile with the JIT's first tier only ({@code -XX:TieredStopAtLevel=1}), which a run of
 * seconds does not miss, and collect with the serial collector, which needs no threads of its own
 * beside the application's (a tenth less CPU a start on two cores).
 * Made again when the jar is newer than the archive; test JVMs side by side take turns by a file lock.
 * Measured and left out: a training on a real run of a small org (a process test's job took a tenth
 * less CPU, but the training 6 s longer, which both process-test JVMs wait for: the phase was no
 * shorter); a test JVM that starts the packaged jar while another trains, rather than wait (the
 * training and the starts without the archive took the same two cores: the phase was longer).
 */
final class FastStart {

	private static final Path DIRECTORY = Path.of("target", "fast-start");

	private static final Path JAR = DIRECTORY.resolve("invent-dedup.jar");

	private static final Path ARCHIVE = DIRECTORY.resolve("invent-dedup.jsa");

	/** The JIT's first tier, which a run of seconds does not miss, and the serial collector. */
	private static final List<String> FIRST_TIER = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private static boolean ready;

	private FastStart() {
	}

	/** How a process test starts the jar: the extracted jar with the archive, made first if need be. */
	static synchronized Launch launch() {
		if (!ready) {
			prepare();
			ready = true;
		}
		List<String> options = new ArrayList<>(FIRST_TIER);
		options.addAll(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
		return new Launch(JAR, options);
	}

	/** The jar to start and the JVM options to start it with. */
	record Launch(Path jar, List<String> options) {
	}

	private static void prepare() {
		try {
			Files.createDirectories(DIRECTORY);
			try (FileChannel channel = FileChannel.open(DIRECTORY.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				Path packaged = JobProcess.packagedJar();
				if (Files.isRegularFile(ARCHIVE)
						&& Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(packaged)) > 0) {
					return;
				}
				Files.deleteIfExists(ARCHIVE);
				run(List.of(JobProcess.java(), "-Djarmode=tools", "-jar", packaged.toString(), "extract", "--force",
						"--destination", DIRECTORY.toString()), "extract");
				List<String> training = new ArrayList<>(List.of(JobProcess.java(), "-XX:ArchiveClassesAtExit=" + ARCHIVE,
						"-Dspring.context.exit=onRefresh"));
				training.addAll(FIRST_TIER);
				training.addAll(List.of("-jar", JAR.toString(), "orgId=fast-start-training"));
				run(training, "training");
				if (!Files.isRegularFile(ARCHIVE)) {
					throw new IllegalStateException("the training start wrote no archive of classes: see "
							+ DIRECTORY.resolve("training.log"));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make the jar ready in " + DIRECTORY, ex);
		}
	}

	private static void run(List<String> command, String name) throws IOException {
		Path log = DIRECTORY.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		JobProcess.pointAtTheTestParts(builder.environment(), TestInfrastructure.jdbcUrl());
		Process process = builder.start();
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(name + " did not end within 120 s: see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		if (name.equals("extract") && process.exitValue() != 0) {
			throw new IllegalStateException("the jar could not be extracted: see " + log);
		}
	}

}
