package cn.landscape.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.landscape.LandscapeApplication;
import cn.landscape.chip.ChipQueries;
import cn.landscape.entity.EntityQueries;
import cn.landscape.graph.GraphQueries;
import cn.landscape.industry.IndustryQueries;
import cn.landscape.policy.PolicyQueries;
import cn.landscape.search.SearchQueries;
import cn.landscape.entity.RelType;
import cn.landscape.embedded.EmbeddedNeo4j;
import cn.landscape.seed.LoadReport;
import cn.landscape.seed.SeedLoader;
import cn.landscape.seed.SeedModel;

/**
 * The benchmark: for each size, the whole service in this JVM on its embedded database (fresh store),
 * a synthetic landscape imported through {@link SeedLoader}, then each question's Cypher timed through
 * the raw driver and its endpoint timed over HTTP on loopback; at the largest size, a throughput run of
 * concurrent clients. Writes report.json in the shape of issue 6. Measures; asserts no time.
 */
public final class Bench {

	/** What to run. Read from system properties {@code bench.*} by {@link #fromSystemProperties()}. */
	public record Settings(List<Integer> sizes, int warmup, int iterations, Duration maxPerQuery, Duration throughput,
			int clients, Path output, String pageCache) {

		public static Settings fromSystemProperties() {
			return new Settings(
					Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
						.map(String::strip)
						.filter(s -> !s.isEmpty())
						.map(Integer::parseInt)
						.toList(),
					Integer.getInteger("bench.warmup", 200), Integer.getInteger("bench.iterations", 2000),
					Duration.ofSeconds(Integer.getInteger("bench.maxSecondsPerQuery", 20)),
					Duration.ofSeconds(Integer.getInteger("bench.throughputSeconds", 30)),
					Integer.getInteger("bench.clients", 16),
					Path.of(System.getProperty("bench.output", "target/bench/report.json")),
					System.getProperty("bench.pageCache", "2g"));
		}
	}

	/** One question: its Cypher and parameters for the driver, its URL for HTTP. */
	record Query(String name, String cypher, Map<String, Object> parameters, String path) {
	}

	private static final SessionConfig READ = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Settings settings;

	private final Map<String, Object> report = new LinkedHashMap<>();

	private final List<Map<String, Object>> runs = new ArrayList<>();

	public Bench(Settings settings) {
		this.settings = settings;
		report.put("machine", machine());
		report.put("runs", runs);
		report.put("throughput", null);
	}

	public static void main(String[] args) {
		new Bench(Settings.fromSystemProperties()).run();
	}

	public Map<String, Object> run() {
		List<Integer> sizes = settings.sizes();
		for (int i = 0; i < sizes.size(); i++) {
			runSize(sizes.get(i), i == sizes.size() - 1);
		}
		return report;
	}

	private void runSize(int size, boolean last) {
		Path dataDir = settings.output().toAbsolutePath().getParent().resolve("data-" + size);
		delete(dataDir);
		log("size %,d: starting the service on a fresh embedded store in %s", size, dataDir);
		// As command-line arguments: they win over application.properties and its environment defaults.
		ConfigurableApplicationContext app = new SpringApplicationBuilder(LandscapeApplication.class).run(
				"--server.port=0", "--landscape.embedded.data-dir=" + dataDir, "--landscape.embedded.bolt-port=" + freePort(),
				"--landscape.embedded.page-cache=" + settings.pageCache(), "--landscape.seed.load-on-startup=false",
				"--landscape.neo4j.uri=", "--spring.main.banner-mode=off");
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String bolt = app.getBean(EmbeddedNeo4j.class).boltUri();
			Map<String, Object> run = new LinkedHashMap<>();
			List<Query> queries;
			try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none())) {
				SeedModel seed = SyntheticLandscape.generate(Path.of("graph-seed"), size);
				queries = queries(app, seed);
				log("size %,d: generated %,d entities and %,d relations (MENTIONS come on top); importing", size,
						seed.entities().size(), seed.relations().size());
				long start = System.nanoTime();
				LoadReport load = app.getBean(SeedLoader.class).load(seed, true);
				try (Session session = driver.session()) {
					session.run("CALL db.awaitIndexes(3600)").consume();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				seed = null;
				long nodes;
				long relationships;
				try (Session session = driver.session()) {
					nodes = session.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong();
					relationships = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong();
				}
				long written = load.nodes().total() + load.relationships().total();
				log("size %,d: imported %,d nodes and %,d relationships in %.1f s: %,.0f per second (%s)", size, nodes,
						relationships, seconds, written / seconds, load);
				run.put("nodes", nodes);
				run.put("relationships", relationships);
				run.put("importPerSecond", Math.round(written / seconds));
				run.put("heapUsedMb", heapUsedMb());
				List<Map<String, Object>> timed = new ArrayList<>();
				run.put("queries", timed);
				runs.add(run);
				try (LoopbackHttp http = new LoopbackHttp(port)) {
					run.put("httpFloorP50Ms", httpFloor(http));
					for (Query query : queries) {
						timed.add(time(driver, http, query));
						write();
					}
				}
			}
			if (last) {
				report.put("throughput", throughput(port, "/api/industries/finance/models"));
			}
			write();
		}
		finally {
			app.close();
			delete(dataDir);
		}
	}

	// ---- the questions -------------------------------------------------------------------------

	private List<Query> queries(ConfigurableApplicationContext app, SeedModel seed) {
		String model = seed.relations()
			.stream()
			.filter(r -> r.type() == RelType.VERSION_OF)
			.map(r -> r.fromId())
			.filter(id -> id.startsWith("s-model-"))
			.findFirst()
			.orElse("spark-v3-5");
		String vendor = seed.entities().stream().anyMatch(e -> e.id().equals("s-vendor-0")) ? "s-vendor-0" : "iflytek";
		String search = "星辰";
		List<Query> queries = new ArrayList<>();
		queries.add(new Query("models by industry", IndustryQueries.MODELS,
				Map.of("industry", "finance", "includeGeneral", false, "offset", 0, "limit", 50),
				"/api/industries/finance/models"));
		queries.add(new Query("chip dependencies", ChipQueries.DEPENDENCIES,
				Map.of("id", model, "maxRows", 500), "/api/models/model:" + model + "/chip-dependencies"));
		queries.add(new Query("chip dependents", ChipQueries.DEPENDENTS,
				Map.of("id", "a100", "maxRows", 500), "/api/chips/a100/dependents"));
		Map<String, Object> searchParams = new LinkedHashMap<>();
		searchParams.put("label", null);
		searchParams.put("limit", 10);
		searchParams.put("fetch", 10);
		searchParams.put("query", "(" + search + ")");
		searchParams.put("text", search);
		searchParams.put("key", search);
		queries.add(new Query("search", SearchQueries.SEARCH, searchParams,
				"/api/search?q=" + enc(search)));
		queries.add(new Query("entity", EntityQueries.ENTITY,
				Map.of("id", vendor, "label", "Vendor", "maxRows", 500), "/api/entities/vendor:" + vendor));
		queries.add(new Query("graph neighbourhood", GraphQueries.neighbourhoodCypher(2),
				Map.of("id", vendor, "label", "Vendor", "limit", 150), "/api/graph?focus=vendor:" + vendor + "&depth=2"));
		Map<String, Object> policyParams = new LinkedHashMap<>();
		policyParams.put("from", null);
		policyParams.put("to", null);
		policyParams.put("dated", false);
		policyParams.put("region", "guangdong");
		policyParams.put("issuer", null);
		policyParams.put("limit", 100);
		queries.add(new Query("policies by region", PolicyQueries.POLICIES_IN_REGION,
				policyParams, "/api/policies?region=region:guangdong"));
		queries.add(new Query("path", GraphQueries.pathCypher(4),
				Map.of("fromId", model, "fromLabel", "Model", "toId", "nvidia", "toLabel", "Vendor", "limit", 10),
				"/api/path?from=model:" + model + "&to=vendor:nvidia&maxDepth=4"));
		return queries;
	}

	// ---- timing --------------------------------------------------------------------------------

	private Map<String, Object> time(Driver driver, LoopbackHttp http, Query query) {
		// As the service's queries classes run it: one read transaction (Spring's readOnly) per answer.
		Supplier<Integer> raw = () -> {
			try (Session session = driver.session(READ)) {
				return session.executeRead(tx -> tx.run(query.cypher(), query.parameters()).list().size());
			}
		};
		Supplier<Integer> api = () -> {
			LoopbackHttp.Response response = http.get(query.path());
			if (response.status() != 200) {
				throw new IllegalStateException(query.path() + " answered " + response.status() + ": "
						+ response.body().substring(0, Math.min(300, response.body().length())));
			}
			return response.body().length();
		};
		int rows = raw.get();
		int bytes = api.get();
		double[] rawMs = measure(raw);
		double[] apiMs = measure(api);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("name", query.name());
		result.put("rawP50Ms", percentile(rawMs, 50));
		result.put("rawP99Ms", percentile(rawMs, 99));
		result.put("apiP50Ms", percentile(apiMs, 50));
		result.put("apiP99Ms", percentile(apiMs, 99));
		log("  %-20s raw p50 %7.2f p99 %7.2f ms (%d samples, %d rows) | api p50 %7.2f p99 %7.2f ms (%d samples, %,d bytes)",
				query.name(), result.get("rawP50Ms"), result.get("rawP99Ms"), rawMs.length, rows, result.get("apiP50Ms"),
				result.get("apiP99Ms"), apiMs.length, bytes);
		return result;
	}

	/**
	 * The same client's round trip to an endpoint that does not touch the database: the part of every API
	 * figure that no query shape can remove.
	 */
	private double httpFloor(LoopbackHttp http) {
		double[] ms = measure(() -> http.get("/actuator/health/liveness").body().length());
		double p50 = percentile(ms, 50);
		log("  %-20s p50 %7.2f p99 %7.2f ms (GET /actuator/health/liveness, no database)", "http floor", p50,
				percentile(ms, 99));
		return p50;
	}

	/** Warm-up, then up to the iteration count or the time cap, whichever comes first. */
	private double[] measure(Supplier<Integer> call) {
		long warmEnd = System.nanoTime() + settings.maxPerQuery().toNanos() / 4;
		for (int i = 0; i < settings.warmup() && System.nanoTime() < warmEnd; i++) {
			call.get();
		}
		double[] samples = new double[settings.iterations()];
		long end = System.nanoTime() + settings.maxPerQuery().toNanos();
		int n = 0;
		while (n < samples.length && (n < 20 || System.nanoTime() < end)) {
			long t0 = System.nanoTime();
			call.get();
			samples[n++] = (System.nanoTime() - t0) / 1e6;
		}
		return Arrays.copyOf(samples, n);
	}

	static double percentile(double[] samples, int p) {
		double[] sorted = samples.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, index))] * 100) / 100.0;
	}

	private Map<String, Object> throughput(int port, String path) {
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		int clients = settings.clients();
		CountDownLatch done = new CountDownLatch(clients);
		// Warm-up of the same path for a few seconds is left to the latency loop that ran before.
		long end = System.nanoTime() + settings.throughput().toNanos();
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			Thread.ofPlatform().name("bench-client-" + c).start(() -> {
				try (LoopbackHttp http = new LoopbackHttp(port)) {
					while (System.nanoTime() < end) {
						try {
							(http.get(path).status() == 200 ? ok : errors).incrementAndGet();
						}
						catch (UncheckedIOException ex) {
							errors.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("rps", Math.round((ok.get() + errors.get()) / seconds));
		result.put("errors", errors.get());
		log("throughput: %d clients on %s for %.0f s: %,d requests, %,.0f per second, %d errors", clients, path, seconds,
				ok.get() + errors.get(), (ok.get() + errors.get()) / seconds, errors.get());
		return result;
	}

	// ---- report --------------------------------------------------------------------------------

	private void write() {
		try {
			Files.createDirectories(settings.output().toAbsolutePath().getParent());
			Files.writeString(settings.output(), JSON.writeValueAsString(report));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long heapUsedMb() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

	/** Read from the machine: processors, memory, CPU model, JDK, OS. */
	static String machine() {
		String cpu = "";
		long memKb = 0;
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("");
			memKb = Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(l -> l.startsWith("MemTotal:"))
				.map(l -> Long.parseLong(l.replaceAll("\\D", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: leave them out
		}
		return "%d cores%s, %.1f GB RAM, %s %s (%s), max heap %d MB, %s %s".formatted(
				Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")", memKb / 1024.0 / 1024.0,
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				System.getProperty("java.vm.vendor"), Runtime.getRuntime().maxMemory() / (1024 * 1024),
				System.getProperty("os.name"), System.getProperty("os.version"));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static void log(String format, Object... args) {
		System.out.println("[bench] " + format.formatted(args));
	}

}
