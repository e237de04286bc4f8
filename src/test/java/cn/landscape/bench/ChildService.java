package cn.landscape.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service in a JVM of its own, as a user runs it: what start-up takes and how much memory the
 * process holds, which the bench's own JVM (generator, clients, 8 GB heap) cannot tell. Started from
 * the test class path on the toolchain's java; ready when {@code /actuator/health/readiness} answers 200.
 */
final class ChildService implements AutoCloseable {

	private final Process process;

	private final int port;

	private final long readyMs;

	private ChildService(Process process, int port, long readyMs) {
		this.process = process;
		this.port = port;
		this.readyMs = readyMs;
	}

	/**
	 * @param jvmArgs e.g. {@code -Xmx256m}
	 * @param args Spring arguments ({@code --name=value})
	 */
	static ChildService start(List<String> jvmArgs, List<String> args, int port, Path log, Duration timeout) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("cn.landscape.LandscapeApplication");
		command.add("--server.port=" + port);
		command.addAll(args);
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			long start = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			long deadline = start + timeout.toNanos();
			try (LoopbackHttp http = new LoopbackHttp(port)) {
				while (System.nanoTime() < deadline) {
					if (!process.isAlive()) {
						throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log);
					}
					try {
						if (http.get("/actuator/health/readiness").status() == 200) {
							return new ChildService(process, port, (System.nanoTime() - start) / 1_000_000);
						}
					}
					catch (UncheckedIOException ex) {
						http.close();
					}
					Thread.sleep(50);
				}
			}
			process.destroyForcibly();
			throw new IllegalStateException("The service was not ready within " + timeout + "; see " + log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	long readyMs() {
		return readyMs;
	}

	int port() {
		return port;
	}

	/** Resident set size of the process, from /proc (0 where there is none). */
	long rssMb() {
		try {
			return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))
				.stream()
				.filter(l -> l.startsWith("VmRSS:"))
				.map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
				.findFirst()
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** Stops it as a user does (SIGTERM, graceful shutdown) so that the store is closed cleanly. */
	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
