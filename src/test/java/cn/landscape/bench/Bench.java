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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
import org.springframework.util.FileSystemUtils;

import cn.landscape.LandscapeApplication;
import cn.landscape.chip.ChipQueries;
import cn.landscape.entity.EntityQueries;
import cn.landscape.entity.RelType;
import cn.landscape.graph.GraphQueries;
import cn.landscape.industry.IndustryQueries;
import cn.landscape.policy.PolicyQueries;
import cn.landscape.search.SearchQueries;
import cn.landscape.seed.LoadReport;
import cn.landscape.seed.SeedLoader;
import cn.landscape.seed.SeedModel;
import cn.landscape.seed.SeedReader;

/**
 * The benchmark: for each size, the whole service in this JVM on its embedded database (fresh store),
 * a synthetic landscape imported through {@link SeedLoader}, then each question's Cypher timed through
 * the raw driver and its endpoint timed over HTTP on loopback; at the largest size, a throughput run of
 * concurrent clients. Writes report.json in the shape of issue 6. Measures; asserts no time.
 */
public final class Bench {

	/** What to run. Read from system properties {@code bench.*} by {@link #fromSystemProperties()}. */
	public record Settings(List<Integer> sizes, int warmup, int iterations, Duration maxPerQuery, Duration throughput,
			int clients, Path output, String pageCache, int coldSamples, int mixRequests, Duration mixTime,
			boolean startup, List<String> childJvmArgs, List<String> realSeedJvmArgs, int ingestBytes) {

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
					System.getProperty("bench.pageCache", "2g"), Integer.getInteger("bench.coldSamples", 200),
					Integer.getInteger("bench.mixRequests", 5000),
					Duration.ofSeconds(Integer.getInteger("bench.mixSeconds", 60)),
					Boolean.parseBoolean(System.getProperty("bench.startup", "true")),
					jvmArgs(System.getProperty("bench.childJvmArgs", "-Xmx512m")),
					jvmArgs(System.getProperty("bench.realSeedJvmArgs", "-Xmx256m")),
					Integer.getInteger("bench.ingestBytes", 1024 * 1024));
		}

		private static List<String> jvmArgs(String line) {
			return Arrays.stream(line.split("\\s+")).filter(a -> !a.isBlank()).toList();
		}
	}

	/** One question: its Cypher and parameters for the driver, its URL for HTTP (none for a plain twin). */
	record Query(String name, Mix.Raw raw, String parameter, String path) {

		Query(String name, String cypher, Map<String, Object> parameters, String path) {
			this(name, (tx, unused) -> tx.run(cypher, parameters).list().size(), null, path);
		}
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
		report.put("throughputMixed", null);
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
		Map<String, Object> run = new LinkedHashMap<>();
		List<Mix.Question> mix;
		Path referenceHome = dataDir.resolveSibling("reference-" + size);
		delete(referenceHome);
		ReferenceImport.Csv csv;
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			awaitReady(port);
			// The raw figures use the service's own driver: the same pool, credentials and transaction kind.
			Driver driver = app.getBean(Driver.class);
			SeedModel seed = SyntheticLandscape.generate(Path.of("graph-seed"), size);
			List<Query> queries = queries(app, seed);
			log("size %,d: generated %,d entities and %,d relations (MENTIONS come on top); importing", size,
					seed.entities().size(), seed.relations().size());
			long start = System.nanoTime();
			LoadReport load = app.getBean(SeedLoader.class).load(seed);
			try (Session session = driver.session()) {
				session.run("CALL db.awaitIndexes(3600)").consume();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			seed = null;
			long[] stored = counts(driver);
			long nodes = stored[0];
			long relationships = stored[1];
			long written = load.nodes().total() + load.relationships().total();
			log("size %,d: imported %,d nodes and %,d relationships in %.1f s: %,.0f per second (%s)", size, nodes,
					relationships, seconds, written / seconds, load);
			run.put("nodes", nodes);
			run.put("relationships", relationships);
			run.put("importPerSecond", Math.round(written / seconds));
			run.put("importMs", Math.round(seconds * 1000));
			// Filled once the service has stopped: neo4j-admin then has the machine to itself.
			run.put("referenceImportPerSecond", null);
			run.put("referenceImport", null);
			run.put("heapUsedMb", heapUsedMb());
			run.put("startupMs", null);
			run.put("restartMs", null);
			run.put("rssMb", null);
			run.put("rssLoadMb", null);
			List<Map<String, Object>> mixed = new ArrayList<>();
			run.put("mixed", mixed);
			List<Map<String, Object>> timed = new ArrayList<>();
			run.put("queries", timed);
			runs.add(run);
			mix = Mix.questions(domains(driver), 500);
			try (LoopbackHttp http = new LoopbackHttp(port)) {
				run.put("httpFloorP50Ms", httpFloor(http));
				mixed.addAll(mixed(driver, http, mix));
				write();
				for (Query query : queries) {
					timed.add(time(driver, http, query));
					write();
				}
			}
			if (last) {
				report.put("throughput", throughput(port, "/api/industries/finance/models"));
				if (!settings.startup()) {
					report.put("throughputMixed", mixedThroughput(port, mix, settings.throughput(), () -> 0L));
				}
			}
			write();
			csv = ReferenceImport.dump(driver, referenceHome);
		}
		finally {
			app.close();
		}
		try {
			ReferenceImport.Result reference = ReferenceImport.run(csv, settings.pageCache(), freePort());
			run.put("referenceImportPerSecond", reference.perSecond());
			Map<String, Object> figures = reference.toMap();
			figures.put("serviceOverReference", Math.round((long) run.get("importMs") * 100.0 / reference.totalMs()) / 100.0);
			run.put("referenceImport", figures);
			log("size %,d: neo4j-admin import %,d ms, database start %,d ms, schema and indexes %,d ms: %,d per second; "
					+ "the service's load took %sx that time (CSV written in %,d ms, not counted)", size, reference.importMs(),
					reference.startMs(), reference.schemaMs(), reference.perSecond(), figures.get("serviceOverReference"),
					reference.dumpMs());
			write();
		}
		finally {
			delete(referenceHome);
		}
		try {
			if (settings.startup()) {
				startup(size, dataDir, run, mix, last);
				write();
			}
		}
		finally {
			delete(dataDir);
		}
	}

	/** The in-process service warms its queries in the background; the bench starts once it is ready. */
	private static void awaitReady(int port) {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		try (LoopbackHttp http = new LoopbackHttp(port)) {
			while (http.get("/actuator/health/readiness").status() != 200 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// ---- the mixed workload --------------------------------------------------------------------

	/** Every industry, model, chip, vendor and region of the graph, and the search terms its names are made of. */
	private static Mix.Domains domains(Driver driver) {
		try (Session session = driver.session(READ)) {
			java.util.function.Function<String, List<String>> ids = label -> session
				.run("MATCH (n:" + label + ") RETURN n.id AS id ORDER BY id")
				.list(r -> r.get("id").asString());
			List<String> terms = new ArrayList<>(SyntheticLandscape.words());
			terms.addAll(session.run("MATCH (n:Entity) WHERE NOT n.id STARTS WITH 's-' AND n.name IS NOT NULL "
					+ "RETURN DISTINCT n.name AS name ORDER BY name").list(r -> r.get("name").asString()));
			return new Mix.Domains(ids.apply("Industry"), ids.apply("Model"), ids.apply("Chip"), ids.apply("Vendor"),
					ids.apply("Region"), terms);
		}
	}

	/**
	 * Per question: cold, each of the first distinct parameters in draw order asked once through the driver
	 * and once over HTTP (alternating which goes first, so that neither always meets the other's page cache);
	 * then warm, one client asking the weighted mix as it comes.
	 */
	private List<Map<String, Object>> mixed(Driver driver, LoopbackHttp http, List<Mix.Question> mix) {
		Map<String, Map<String, Long>> asked = new HashMap<>();
		Map<String, Map<String, Object>> results = new LinkedHashMap<>();
		SplittableRandom random = new SplittableRandom(Mix.RANDOM_SEED);
		for (Mix.Question q : mix) {
			Map<String, Long> seen = asked.computeIfAbsent(q.name(), k -> new HashMap<>());
			List<String> params = q.zipf().firstDistinct(settings.coldSamples(), random.split());
			List<Double> raw = new ArrayList<>();
			List<Double> api = new ArrayList<>();
			List<Double> cost = new ArrayList<>();
			int errors = 0;
			long end = System.nanoTime() + settings.maxPerQuery().toNanos();
			for (int i = 0; i < params.size() && (i < 20 || System.nanoTime() < end); i++) {
				String p = params.get(i);
				double r = 0;
				double a = 0;
				for (int turn = 0; turn < 2; turn++) {
					if ((turn == 0) == (i % 2 == 0)) {
						r = timeRaw(driver, q, p);
					}
					else {
						long t0 = System.nanoTime();
						errors += http.get(q.path().apply(p)).status() == 200 ? 0 : 1;
						a = (System.nanoTime() - t0) / 1e6;
						seen.put(p, System.nanoTime());
					}
				}
				raw.add(r);
				api.add(a);
				cost.add(a - r);
			}
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("name", q.name());
			result.put("weight", q.weight());
			result.put("domain", q.zipf().size());
			result.put("coldSamples", api.size());
			result.put("coldP50Ms", percentile(api, 50));
			result.put("coldP99Ms", percentile(api, 99));
			result.put("coldRawP50Ms", percentile(raw, 50));
			result.put("coldRawP99Ms", percentile(raw, 99));
			result.put("apiCostP50Ms", percentile(cost, 50));
			result.put("apiCostRatio", Math.round(percentile(api, 50) / Math.max(0.01, percentile(raw, 50)) * 100) / 100.0);
			result.put("errors", errors);
			results.put(q.name(), result);
			log("  %-20s cold: api p50 %7.2f p99 %7.2f | raw p50 %7.2f p99 %7.2f | api cost p50 %6.2f ms (%d of %,d, %d errors)",
					q.name(), result.get("coldP50Ms"), result.get("coldP99Ms"), result.get("coldRawP50Ms"),
					result.get("coldRawP99Ms"), result.get("apiCostP50Ms"), api.size(), q.zipf().size(), errors);
		}
		// Warm: the mix as it comes. A hit is a parameter asked within the answer caches' lifetime (a minute).
		Mix.Weighted weighted = new Mix.Weighted(mix);
		Map<String, List<Double>> warm = new HashMap<>();
		Map<String, int[]> hits = new HashMap<>();
		long end = System.nanoTime() + settings.mixTime().toNanos();
		// Past the time cap only until every question has a few asks, so that each has a warm figure.
		for (int i = 0; i < settings.mixRequests() && (System.nanoTime() < end || fewest(warm, mix) < 5); i++) {
			Mix.Question q = weighted.next(random);
			String p = q.zipf().next(random);
			Map<String, Long> seen = asked.get(q.name());
			long t0 = System.nanoTime();
			Long before = seen.get(p);
			boolean hit = before != null && t0 - before < Duration.ofMinutes(1).toNanos();
			int status = http.get(q.path().apply(p)).status();
			warm.computeIfAbsent(q.name(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
			if (!hit) {
				seen.put(p, t0);
			}
			int[] h = hits.computeIfAbsent(q.name(), k -> new int[3]);
			h[0]++;
			h[1] += hit ? 1 : 0;
			h[2] += status == 200 ? 0 : 1;
		}
		for (Mix.Question q : mix) {
			Map<String, Object> result = results.get(q.name());
			List<Double> w = warm.getOrDefault(q.name(), List.of());
			int[] h = hits.getOrDefault(q.name(), new int[3]);
			result.put("warmSamples", w.size());
			result.put("warmP50Ms", w.isEmpty() ? null : percentile(w, 50));
			result.put("warmP99Ms", w.isEmpty() ? null : percentile(w, 99));
			result.put("hitRatio", h[0] == 0 ? null : Math.round(1000.0 * h[1] / h[0]) / 1000.0);
			result.put("errors", (int) result.get("errors") + h[2]);
			log("  %-20s warm: api p50 %7.2f p99 %7.2f ms (%d asks, hit ratio %s)", q.name(), result.get("warmP50Ms"),
					result.get("warmP99Ms"), w.size(), result.get("hitRatio"));
		}
		return List.copyOf(results.values());
	}

	private static int fewest(Map<String, List<Double>> samples, List<Mix.Question> mix) {
		return mix.stream().mapToInt(q -> samples.getOrDefault(q.name(), List.of()).size()).min().orElse(0);
	}

	private static double timeRaw(Driver driver, Mix.Question q, String parameter) {
		long t0 = System.nanoTime();
		try (Session session = driver.session(READ)) {
			session.executeRead(tx -> q.raw().run(tx, parameter));
		}
		return (System.nanoTime() - t0) / 1e6;
	}

	/** Concurrent clients on the weighted mix, each with its own connection and its own draws. */
	private Map<String, Object> mixedThroughput(int port, List<Mix.Question> mix, Duration length,
			Supplier<Long> rssMb) {
		Mix.Weighted weighted = new Mix.Weighted(mix);
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		// Which question failed, and how: the errors alone do not say where the mix breaks
		Map<String, LongAdder> failures = new ConcurrentSkipListMap<>();
		int clients = settings.clients();
		List<double[]> latencies = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(clients);
		long start = System.nanoTime();
		long end = start + length.toNanos();
		for (int c = 0; c < clients; c++) {
			double[] mine = new double[2_000_000];
			latencies.add(mine);
			SplittableRandom random = new SplittableRandom(Mix.RANDOM_SEED + 100 + c);
			Thread.ofPlatform().name("bench-mix-" + c).start(() -> {
				int n = 0;
				try (LoopbackHttp http = new LoopbackHttp(port)) {
					while (System.nanoTime() < end) {
						Mix.Question q = weighted.next(random);
						long t0 = System.nanoTime();
						String failed = null;
						try {
							int status = http.get(q.path().apply(q.zipf().next(random))).status();
							failed = status == 200 ? null : String.valueOf(status);
						}
						catch (UncheckedIOException ex) {
							failed = "no answer";
						}
						if (failed == null) {
							ok.incrementAndGet();
						}
						else {
							errors.incrementAndGet();
							failures.computeIfAbsent(q.name() + ": " + failed, k -> new LongAdder()).increment();
						}
						if (n < mine.length - 1) {
							mine[++n] = (System.nanoTime() - t0) / 1e6;
						}
					}
				}
				finally {
					mine[0] = n;
					done.countDown();
				}
			});
		}
		long maxRss = 0;
		try {
			while (!done.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
				maxRss = Math.max(maxRss, rssMb.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Double> all = new ArrayList<>();
		for (double[] mine : latencies) {
			for (int i = 1; i <= (int) mine[0]; i++) {
				all.add(mine[i]);
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("rps", Math.round((ok.get() + errors.get()) / seconds));
		result.put("errors", errors.get());
		Map<String, Long> errorsByQuestion = new LinkedHashMap<>();
		failures.forEach((k, v) -> errorsByQuestion.put(k, v.sum()));
		result.put("errorsByQuestion", errorsByQuestion);
		result.put("clients", clients);
		result.put("seconds", Math.round(seconds));
		result.put("p50Ms", percentile(all, 50));
		result.put("p99Ms", percentile(all, 99));
		result.put("maxRssMb", maxRss == 0 ? null : maxRss);
		Map<String, Integer> weights = new LinkedHashMap<>();
		mix.forEach(q -> weights.put(q.name(), q.weight()));
		result.put("weights", weights);
		log("throughput (mix): %d clients for %.0f s: %,.0f per second, p50 %.2f p99 %.2f ms, %d errors, max RSS %s MB",
				clients, seconds, (ok.get() + errors.get()) / seconds, result.get("p50Ms"), result.get("p99Ms"),
				errors.get(), result.get("maxRssMb"));
		if (!errorsByQuestion.isEmpty()) {
			log("  errors by question and status: %s", errorsByQuestion);
		}
		return result;
	}

	// ---- start-up and memory, in a JVM of its own ----------------------------------------------

	/**
	 * Restart over this size's store (seed loading off, so the synthetic graph stays): time to ready,
	 * resident memory idle and under the mixed load (at the largest size, the throughput run of the mix);
	 * then a start into an empty store with the real seed, as a new user runs it.
	 */
	private void startup(int size, Path dataDir, Map<String, Object> run, List<Mix.Question> mix, boolean last) {
		Path logs = settings.output().toAbsolutePath().getParent();
		List<String> common = List.of("--landscape.embedded.page-cache=" + settings.pageCache(), "--landscape.neo4j.uri=",
				"--spring.main.banner-mode=off");
		List<String> args = new ArrayList<>(common);
		args.addAll(List.of("--landscape.embedded.data-dir=" + dataDir, "--landscape.embedded.bolt-port=" + freePort(),
				"--landscape.seed.load-on-startup=false"));
		try (ChildService child = ChildService.start(settings.childJvmArgs(), args, freePort(),
				logs.resolve("service-restart-" + size + ".log"), Duration.ofMinutes(15))) {
			run.put("restartMs", child.readyMs());
			sleep(Duration.ofSeconds(2));
			run.put("rssMb", child.rssMb());
			Duration load = last ? settings.throughput() : Duration.ofSeconds(Math.min(10, settings.throughput().toSeconds()));
			Map<String, Object> throughput = mixedThroughput(child.port(), mix, load, child::rssMb);
			run.put("rssLoadMb", rssUnderLoad(child, throughput));
			if (last) {
				report.put("throughputMixed", throughput);
			}
			log("size %,d: restart to ready %,d ms, RSS idle %s MB, under the mix %s MB (%s)", size, child.readyMs(),
					run.get("rssMb"), run.get("rssLoadMb"), settings.childJvmArgs());
			Map<String, Object> export = ExportRun.run(child.port(), settings.clients(), settings.throughput(), child::rssMb);
			export.put("jvmArgs", settings.childJvmArgs());
			run.put("export", export);
		}
		Path fresh = logs.resolve("data-startup");
		delete(fresh);
		args = new ArrayList<>(common);
		int bolt = freePort();
		String password = "bench-" + Long.toHexString(new SplittableRandom().nextLong());
		args.addAll(List.of("--landscape.embedded.data-dir=" + fresh, "--landscape.embedded.bolt-port=" + bolt,
				"--landscape.embedded.password=" + password, "--landscape.seed.load-on-startup=true"));
		// A copy of graph-seed/ and reviews of its own: the ingestion below adds documents to them
		Path seedCopy = logs.resolve("seed-ingest");
		Path reviews = logs.resolve("reviews-ingest");
		String token = "bench-" + Long.toHexString(new SplittableRandom().nextLong());
		copySeed(seedCopy);
		delete(reviews);
		args.addAll(List.of("--landscape.seed.dir=" + seedCopy, "--landscape.documents.review-dir=" + reviews,
				"--landscape.admin.token=" + token));
		try (ChildService child = ChildService.start(settings.realSeedJvmArgs(), args, freePort(),
				logs.resolve("service-start-" + size + ".log"), Duration.ofMinutes(15))) {
			run.put("startupMs", child.readyMs());
			log("size %,d: start into an empty store with the real seed: ready in %,d ms (%s)", size, child.readyMs(),
					settings.realSeedJvmArgs());
			if (last) {
				run.put("realSeed", realSeed(child, bolt, password, token));
			}
		}
		finally {
			delete(fresh);
			delete(seedCopy);
			delete(reviews);
		}
	}

	private static void copySeed(Path target) {
		delete(target);
		try {
			FileSystemUtils.copyRecursively(Path.of("graph-seed"), target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The real-seed service as a new user runs it, with its own heap setting: the README's examples, resident
	 * memory idle, and under the mix drawn from the real seed's own industries, models, chips and names.
	 */
	private Map<String, Object> realSeed(ChildService child, int bolt, String password, String token) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("jvmArgs", settings.realSeedJvmArgs());
		List<Map<String, Object>> examples = ReadmeExamples.check(child.port());
		result.put("readmeExamples", examples);
		result.put("readmeExamplesOk", examples.stream().allMatch(e -> (boolean) e.get("ok")));
		sleep(Duration.ofSeconds(2));
		result.put("rssIdleMb", child.rssMb());
		List<Mix.Question> mix;
		try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", password))) {
			mix = Mix.questions(domains(driver), 500);
		}
		Map<String, Object> load = mixedThroughput(child.port(), mix, settings.throughput(), child::rssMb);
		result.put("mixRps", load.get("rps"));
		result.put("mixErrors", load.get("errors"));
		result.put("mixErrorsByQuestion", load.get("errorsByQuestion"));
		result.put("rssLoadMb", rssUnderLoad(child, load));
		log("real seed (%s): README examples %s, RSS idle %s MB, under the mix %s MB (%s per second, %s errors)",
				settings.realSeedJvmArgs(), (boolean) result.get("readmeExamplesOk") ? "all answered as shown"
						: "NOT all as shown: " + examples, result.get("rssIdleMb"), result.get("rssLoadMb"),
				result.get("mixRps"), result.get("mixErrors"));
		// Last, so that it changes none of the figures above
		result.put("ingest", IngestRun.run(child.port(), token, SeedReader.read(Path.of("graph-seed")), settings.ingestBytes()));
		return result;
	}

	/** The highest RSS the throughput run sampled, or the child's RSS now if that is higher. */
	private static long rssUnderLoad(ChildService child, Map<String, Object> throughput) {
		return Math.max(child.rssMb(), throughput.get("maxRssMb") instanceof Long l ? l : 0);
	}

	/** Nodes and relationships stored in the database, in that order. */
	static long[] counts(Driver driver) {
		try (Session session = driver.session(READ)) {
			return new long[] { session.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong(),
					session.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong() };
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
		Map<String, Object> finance = Map.of("industry", "finance", "includeGeneral", false, "offset", 0, "limit", 50);
		Map<String, Object> financeAtScale = new HashMap<>(finance);
		financeAtScale.putAll(Map.of("window", 50, "walk", IndustryQueries.WALK));
		queries.add(new Query("models by industry", IndustryQueries.MODELS_AT_SCALE, financeAtScale,
				"/api/industries/finance/models"));
		// The plain twins of the forms tuned for scale: what the tuning gains, raw only (no endpoint runs them).
		queries.add(new Query("models by industry, plain twin", IndustryQueries.MODELS, finance, null));
		queries.add(new Query("chip dependencies", ChipQueries.DEPENDENCIES,
				Map.of("id", model, "maxRows", 500), "/api/models/model:" + model + "/chip-dependencies"));
		queries.add(new Query("chip dependents", Mix.dependents(500), "a100", "/api/chips/a100/dependents"));
		queries.add(new Query("chip dependents, plain twin", ChipQueries.DEPENDENTS, Map.of("id", "a100", "maxRows", 500),
				null));
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
				return session.executeRead(tx -> query.raw().run(tx, query.parameter()));
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
		double[] rawMs = measure(raw);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("name", query.name());
		result.put("rawP50Ms", percentile(rawMs, 50));
		result.put("rawP99Ms", percentile(rawMs, 99));
		if (query.path() == null) {
			result.put("apiP50Ms", null);
			result.put("apiP99Ms", null);
			log("  %-20s raw p50 %7.2f p99 %7.2f ms (%d samples, %d rows) | no endpoint", query.name(),
					result.get("rawP50Ms"), result.get("rawP99Ms"), rawMs.length, rows);
			return result;
		}
		int bytes = api.get();
		double[] apiMs = measure(api);
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

	static double percentile(List<Double> samples, int p) {
		return samples.isEmpty() ? 0 : percentile(samples.stream().mapToDouble(Double::doubleValue).toArray(), p);
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

	static void log(String format, Object... args) {
		System.out.println("[bench] " + format.formatted(args));
	}

}
