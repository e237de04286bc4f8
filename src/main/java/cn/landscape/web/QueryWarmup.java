package cn.landscape.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;


/**
 * Asks every read endpoint once, over loopback, before the service reports itself up. Neo4j plans a query
 * the first time it sees its text, and on a busy machine planning alone can pass the query timeout: a
 * user's first click would fail while later ones answer in milliseconds. Refs come from the data itself.
 */
@Component
class QueryWarmup {

	private static final Log log = LogFactory.getLog(QueryWarmup.class);

	private static final String SAMPLES = """
			OPTIONAL MATCH (i:Industry) WITH i ORDER BY i.id LIMIT 1
			OPTIONAL MATCH (m:Model) WITH i, m ORDER BY m.id LIMIT 1
			OPTIONAL MATCH (c:Chip) WITH i, m, c ORDER BY c.id LIMIT 1
			OPTIONAL MATCH (g:Region) WITH i, m, c, g ORDER BY g.id LIMIT 1
			OPTIONAL MATCH (v:Vendor) WITH i, m, c, g, v ORDER BY v.id LIMIT 1
			RETURN i.id AS industry, m.id AS model, c.id AS chip, g.id AS region, v.id AS vendor
			""";

	private final Neo4jClient client;

	QueryWarmup(Neo4jClient client) {
		this.client = client;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void warm(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
		long start = System.nanoTime();
		Map<String, Object> sample;
		try {
			sample = client.query(SAMPLES).fetch().one().orElse(Map.of());
		}
		catch (RuntimeException ex) {
			// A warm-up is an optimisation: on a starved machine its sample query may time out, and the
			// service must come up all the same.
			log.warn("Query warm-up could not sample the graph (" + ex.getMessage() + "); warming the fixed paths only");
			sample = Map.of();
		}
		List<String> paths = paths(sample);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String base = "http://127.0.0.1:" + web.getWebServer().getPort();
		int failed = 0;
		for (String path : paths) {
			try {
				HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.discarding());
				failed += response.statusCode() >= 500 ? 1 : 0;
			}
			catch (java.io.IOException ex) {
				failed++;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		log.info("Query warm-up: %d requests in %d ms%s".formatted(paths.size(), (System.nanoTime() - start) / 1_000_000,
				failed == 0 ? "" : ", " + failed + " failed"));
		AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.ACCEPTING_TRAFFIC);
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

}
