package cn.landscape.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks every read endpoint once, over loopback, before the service reports itself ready. Neo4j plans a
 * query the first time it sees its text, and on a busy machine planning on a cold JIT can pass the query
 * timeout: a user's first click would fail while later ones answer in milliseconds.
 * <p>
 * It runs in the background, one worker per processor, once the web server is up; until it is done this
 * health indicator (in the readiness group) reports OUT_OF_SERVICE, so a load balancer or an orchestrator
 * waits while liveness is already UP. A warm-up that fails only costs the speed of the first calls, so
 * it never fails the start-up. Refs come from the data itself.
 * <p>
 * Neo4j keeps a plan per query text and per type and magnitude of each parameter (an id of ten characters
 * or fewer is planned apart from a longer one). Statements that one sample cannot reach
 * ({@link WarmupStatements}) are run alongside, for ids of either magnitude that name nothing. Run after
 * readiness instead (tried), they shared the cores with the first users' asks.
 * <p>
 * Its requests run with a timeout of their own, landscape.warmup.timeout ({@link Transactions}), longer
 * than the users' landscape.query.timeout: a plan that takes long to make on a loaded machine is still made
 * and cached, and readiness comes once it is.
 */
@Component
class QueryWarmup implements HealthIndicator {

	private static final Log log = LogFactory.getLog(QueryWarmup.class);

	private static final String SAMPLES = """
			OPTIONAL MATCH (i:Industry) WITH i ORDER BY i.id LIMIT 1
			OPTIONAL MATCH (m:Model) WITH i, m ORDER BY m.id LIMIT 1
			OPTIONAL MATCH (c:Chip) WITH i, m, c ORDER BY c.id LIMIT 1
			OPTIONAL MATCH (g:Region) WITH i, m, c, g ORDER BY g.id LIMIT 1
			OPTIONAL MATCH (v:Vendor) WITH i, m, c, g, v ORDER BY v.id LIMIT 1
			RETURN i.id AS industry, m.id AS model, c.id AS chip, g.id AS region, v.id AS vendor
			""";

	/** Ids that name nothing (ids are slugs, SeedReader.SLUG), of ten characters and of a hundred. */
	private static final List<String> UNKNOWN_IDS = List.of("~".repeat(10), "~".repeat(100));

	private final Driver driver;

	private final Transactions transactions;

	private final List<WarmupStatements> statements;

	private final boolean enabled;

	private volatile Health health = Health.outOfService().withDetail("warmup", "not started").build();

	QueryWarmup(Driver driver, Transactions transactions, List<WarmupStatements> statements,
			@Value("${landscape.warmup.enabled}") boolean enabled) {
		this.driver = driver;
		this.transactions = transactions;
		this.statements = statements;
		this.enabled = enabled;
	}

	@Override
	public Health health() {
		return health;
	}

	@EventListener
	void warm(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			health = Health.up().withDetail("warmup", "no web server").build();
			return;
		}
		if (!enabled) {
			log.info("Query warm-up is off (landscape.warmup.enabled): the first call of each question plans its query");
			health = Health.up().withDetail("warmup", "off").build();
			return;
		}
		health = Health.outOfService().withDetail("warmup", "running").build();
		Thread.ofPlatform().daemon().name("query-warmup").start(() -> run(web.getWebServer().getPort()));
	}

	private void run(int port) {
		long start = System.nanoTime();
		List<Timed> timed = new ArrayList<>();
		try {
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			List<Callable<Timed>> tasks = new ArrayList<>();
			paths(samples()).forEach(path -> tasks.add(() -> ask(client, URI.create("http://127.0.0.1:" + port + path))));
			statements.forEach(feature -> feature.statements(UNKNOWN_IDS).forEach(statement -> tasks.add(() -> plan(statement))));
			int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
			try (ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("query-warmup-", 1).factory())) {
				for (Future<Timed> future : pool.invokeAll(tasks)) {
					timed.add(future.get());
				}
			}
		}
		catch (RuntimeException | java.util.concurrent.ExecutionException ex) {
			log.warn("Query warm-up stopped early; the first calls may be slow: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		long ms = (System.nanoTime() - start) / 1_000_000;
		List<Timed> failures = timed.stream().filter(t -> t.status() >= 500 || t.status() < 0).toList();
		String slowest = timed.stream()
			.sorted(Comparator.comparingLong(Timed::ms).reversed())
			.limit(3)
			.map(Timed::toString)
			.toList()
			.toString();
		log.info("Query warm-up: %d requests in %d ms%s; slowest %s".formatted(timed.size(), ms,
				failures.isEmpty() ? "" : ", " + failures.size() + " failed, first " + failures.get(0), slowest));
		health = Health.up()
			.withDetail("requests", timed.size())
			.withDetail("failed", failures.size())
			.withDetail("ms", ms)
			.build();
	}

	/** Without the query timeout: a slow sample on a busy machine must not end the warm-up. */
	private Map<String, Object> samples() {
		var records = driver.executableQuery(SAMPLES)
			.withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build())
			.execute()
			.records();
		return records.isEmpty() ? Map.of() : records.get(0).asMap();
	}

	private Timed ask(HttpClient client, URI uri) {
		long t0 = System.nanoTime();
		int status;
		String error = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header(Transactions.HEADER, transactions.token())
				.timeout(transactions.timeout.plusSeconds(30))
				.build();
			status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException ex) {
			status = -1;
			error = ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = -1;
			error = ex.toString();
		}
		return new Timed(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), status, error,
				(System.nanoTime() - t0) / 1_000_000);
	}

	/** Runs the statement, which Neo4j plans and caches; its ids name nothing, so it reads little. */
	private Timed plan(WarmupStatements.Statement statement) {
		long t0 = System.nanoTime();
		int status = 200;
		String error = null;
		try {
			driver.executableQuery(statement.cypher())
				.withParameters(statement.parameters())
				.withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build())
				.execute();
		}
		catch (RuntimeException ex) {
			status = 500;
			error = ex.toString();
		}
		String first = statement.cypher().strip().lines().findFirst().orElse("");
		return new Timed("statement " + first, status, error, (System.nanoTime() - t0) / 1_000_000);
	}

	private record Timed(String path, int status, String error, long ms) {

		@Override
		public String toString() {
			return path + " " + (error != null ? error : status) + " " + ms + " ms";
		}

	}

	/** One request per query text: each depth of the graph and path queries is a text of its own. */
	private static List<String> paths(Map<String, Object> sample) {
		List<String> paths = new ArrayList<>(List.of("/api/industries", "/api/stats", "/api/documents",
				"/api/search?q=" + enc("大模型"), "/api/search?q=a", "/api/policies", "/api/policies?from=2023&to=2024",
				"/api/overview", "/api/overview/timeline", "/api/overview/regions"));
		for (String section : List.of("models", "vendors", "chips-by-maker", "chips-by-country")) {
			paths.add("/api/overview/group?section=" + section + "&group=unknown");
		}
		if (sample.get("industry") instanceof String industry) {
			paths.add("/api/industries/" + enc(industry) + "/models?includeGeneral=true");
		}
		if (sample.get("model") instanceof String model) {
			paths.add("/api/models/" + enc(model) + "/chip-dependencies");
			paths.add("/api/models/" + enc(model));
			paths.add("/api/entities/model:" + enc(model));
			for (int depth = 1; depth <= 3; depth++) {
				paths.add("/api/graph?focus=model:" + enc(model) + "&depth=" + depth);
			}
			if (sample.get("vendor") instanceof String vendor) {
				for (int depth = 1; depth <= 6; depth++) {
					paths.add("/api/path?from=model:" + enc(model) + "&to=vendor:" + enc(vendor) + "&maxDepth=" + depth);
				}
			}
		}
		if (sample.get("chip") instanceof String chip) {
			paths.add("/api/chips/" + enc(chip) + "/dependents");
		}
		if (sample.get("region") instanceof String region) {
			paths.add("/api/policies?region=" + enc(region) + "&issuer=" + enc("no-such-body"));
			paths.add("/api/policies?region=" + enc(region));
		}
		return paths;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Runs each warm-up request in one read transaction with the warm-up timeout; the queries classes'
	 * {@code @Transactional(readOnly = true)} joins it, so their queries get that timeout instead of the
	 * users'. A request is the warm-up's only if it carries the token made at this start, which never
	 * leaves the process. The transaction is rolled back: it only read.
	 */
	@Component
	static class Transactions extends OncePerRequestFilter {

		static final String HEADER = "X-Landscape-Warmup";

		private final String token = UUID.randomUUID().toString();

		private final Duration timeout;

		private final ObjectProvider<PlatformTransactionManager> managers;

		Transactions(@Value("${landscape.warmup.timeout}") Duration timeout,
				ObjectProvider<PlatformTransactionManager> managers) {
			this.timeout = timeout;
			this.managers = managers;
		}

		String token() {
			return token;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, java.io.IOException {
			if (!token.equals(request.getHeader(HEADER))) {
				chain.doFilter(request, response);
				return;
			}
			DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
			definition.setReadOnly(true);
			definition.setTimeout(Math.max(1, (int) timeout.toSeconds()));
			definition.setName("query-warmup");
			PlatformTransactionManager manager = managers.getObject();
			TransactionStatus status = manager.getTransaction(definition);
			try {
				chain.doFilter(request, response);
			}
			finally {
				manager.rollback(status);
			}
		}

	}

}
