package cn.landscape.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service started as a separate JVM, as a user starts it, for what only a process shows: exit codes and kill -9. */
final class ChildService implements AutoCloseable {

	private final Process process;

	private final Path log;

	private ChildService(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	static ChildService start(Path workDir, Map<String, String> environment, String... args) {
		try {
			Path log = Files.createTempFile(workDir, "service", ".log");
			// C1 only: these JVMs live for a start and a few requests, where C2's compiling on a 2-core runner
			// slows the start more than its faster code pays back.
			List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
					"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "cn.landscape.LandscapeApplication"));
			command.addAll(List.of(args));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			// These tests are about restarts and faults, not first calls: the warm-up only took their cores
			builder.environment().put("LANDSCAPE_WARMUP", "false");
			builder.environment().putAll(environment);
			return new ChildService(builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String output() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits for the start-up report; false if the process ended or the time ran out first. */
	boolean awaitUp(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (output().contains("AI landscape graph is up")) {
				return true;
			}
			if (!process.isAlive()) {
				return false;
			}
			Thread.sleep(200);
		}
		return false;
	}

	/** Waits until the output contains {@code text}; false if the process ended first or the time ran out. */
	boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (output().contains(text)) {
				return true;
			}
			if (!process.isAlive()) {
				return output().contains(text);
			}
			Thread.sleep(100);
		}
		return false;
	}

	/**
	 * Kills the process with SIGKILL as soon as {@code condition} holds (looked at every few milliseconds,
	 * so that the kill lands within the phase of work it watches); false if the process ended or the time
	 * ran out first.
	 */
	boolean killWhen(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			if (condition.getAsBoolean()) {
				kill9();
				return true;
			}
			Thread.sleep(5);
		}
		return false;
	}

	/** {@link #killWhen} the output contains {@code text}. */
	boolean killWhenOutput(String text, Duration timeout) throws InterruptedException {
		return killWhen(() -> output().contains(text), timeout);
	}

	/** The HTTP port the start-up report names (the child is started with SERVER_PORT=0). */
	int httpPort() {
		Matcher page = Pattern.compile("Page\\s+: http://localhost:(\\d+)/").matcher(output());
		if (!page.find()) {
			throw new IllegalStateException("No start-up report in the output:\n" + output());
		}
		return Integer.parseInt(page.group(1));
	}

	/** The exit code, or null if it was still running when the time ran out. */
	Integer awaitExit(Duration timeout) throws InterruptedException {
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
	}

	void kill9() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	Integer stop() throws InterruptedException {
		process.destroy();
		return awaitExit(Duration.ofSeconds(60));
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill9();
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
