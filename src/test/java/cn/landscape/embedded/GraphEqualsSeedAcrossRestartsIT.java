package cn.landscape.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.landscape.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph equals its seed across restarts of the service as a user runs it: tampered over Bolt and
 * restarted, and killed with SIGKILL at five moments of a load and restarted. One store and one chain of
 * child JVMs, each start checking what the one before left, so that the starts stay few.
 * <p>
 * The moments are found from the loader's own log lines (its phases at debug level) and, for the phases that
 * write, from the store itself over Bolt (the kill comes once the phase has written something); the batch
 * size of one row (for the starts whose load is killed within a phase that writes) makes each phase a few
 * hundred transactions long, so that the kill lands inside it.
 */
class GraphEqualsSeedAcrossRestartsIT {

	private static final Duration START = Duration.ofSeconds(240);

	private static final String TOKEN = "restart-test-token";

	private static final Pattern LOADED = Pattern.compile("Seed loaded: nodes created=(\\d+) updated=(\\d+) unchanged=(\\d+) "
			+ "removed=(\\d+); relationships created=(\\d+) updated=(\\d+) unchanged=(\\d+) removed=(\\d+)");

	@TempDir
	Path dir;

	private Path data;

	private int bolt;

	/**
	 * @param rowByRow batches of one row, for a start whose load (or reload) is killed within a phase that
	 * writes; the others load in the default batches, which is many times faster
	 */
	private ChildService start(boolean rowByRow) {
		Map<String, String> environment = new HashMap<>(Map.of("LANDSCAPE_DATA_DIR", data.toString(), "LANDSCAPE_BOLT_PORT",
				String.valueOf(bolt), "SERVER_PORT", "0", "LANDSCAPE_ADMIN_TOKEN", TOKEN));
		if (rowByRow) {
			environment.put("LANDSCAPE_SEED_BATCH_SIZE", "1");
		}
		return ChildService.start(dir, environment, "--logging.level.cn.landscape.seed.SeedLoader=debug");
	}

	private ChildService startUp(boolean rowByRow) throws InterruptedException {
		ChildService service = start(rowByRow);
		assertThat(service.awaitUp(START)).as(service.output()).isTrue();
		return service;
	}

	@Test
	void tampered_or_killed_at_five_moments_of_a_load_the_restarted_service_makes_the_graph_equal_the_seed()
			throws Exception {
		data = dir.resolve("data");
		bolt = ChildService.freePort();

		// Moment 1: the first load into the empty store, once it has written some nodes.
		try (ChildService first = start(true)) {
			// Connected and the count planned before the load starts: the nodes take about a second to write
			assertThat(first.awaitOutput("Schema applied", START)).as(first.output()).isTrue();
			try (Driver driver = driver()) {
				count(driver, "MATCH (n:Entity) RETURN count(n)");
				assertThat(first.killWhen(() -> count(driver, "MATCH (n:Entity) RETURN count(n)") > 0, START))
					.as(first.output())
					.isTrue();
			}
			assertThat(first.output()).as("killed before the relationships").doesNotContain("Seed load: relationships, ");
		}
		// Moment 2: the restart's load, which finishes the first one, just after it committed.
		try (ChildService restart = start(false)) {
			assertThat(restart.killWhenOutput("Seed loaded: ", START)).as(restart.output()).isTrue();
			long[] load = loaded(restart);
			assertThat(load[0]).as("nodes the killed load had not written: " + restart.output()).isPositive();
			assertThat(load[2]).as("nodes it had: " + restart.output()).isPositive();
		}
		try (ChildService service = startUp(false)) {
			assertThat(service.output()).as("the graph was already equal: nothing lost by either kill")
				.contains("(no change)")
				.doesNotContain("repaired");
			assertEqualsSeed(service);
			aSecondInstanceOnTheStoreIsRefusedAndChangesNothing(service);

			// Tampering over Bolt, then a graceful stop.
			bolt("""
					MATCH (v:Vendor {id: 'huawei'}) SET v.name = '华为 HACKED'
					WITH 1 AS _
					MATCH ()-[r:SERVES]->() WITH r ORDER BY elementId(r) LIMIT 1 SET r.evidenceQuotes = ['forged quote']
					WITH 1 AS _
					CREATE (:Model:Entity {id: 'planted', name: 'Planted', keys: ['planted']})
					WITH 1 AS _
					MATCH (c:Chip {id: 'a100'}) DETACH DELETE c
					""");
			assertThat(integrity(service).get("different").toString()).contains("vendor:huawei");
			assertThat(service.stop()).as("graceful stop on SIGTERM").isNotNull();
			assertThat(service.output()).contains("Embedded Neo4j stopped; store " + data + " closed cleanly");
		}
		try (ChildService service = startUp(true)) {
			assertThat(service.output()).as("the restart says what it repaired")
				.containsPattern("The graph differed from the seed it was loaded from: repaired 3 nodes and [1-9]\\d* relationships");
			assertEqualsSeed(service);
			assertThat(RawHttp.get(service.httpPort(), "/api/entities/vendor:huawei").body()).doesNotContain("HACKED");
			assertThat(count("MATCH ()-[r]->() WHERE 'forged quote' IN r.evidenceQuotes RETURN count(r)")).isZero();
			assertThat(count("MATCH (n {id: 'planted'}) RETURN count(n)")).isZero();
			assertThat(count("MATCH (c:Chip {id: 'a100'}) RETURN count(c)")).isEqualTo(1);

			// Moment 3: a reload removing what the seed does not hold.
			bolt("UNWIND range(1, 300) AS i CREATE (:Model:Entity {id: 'planted-' + i, name: 'Planted ' + i})");
			killDuringReload(service, "MATCH (n:Model) WHERE n.id STARTS WITH 'planted-' RETURN count(n) < 300",
					"Seed load: removing nodes the seed does not hold, 300 to go", "Seed load: nodes, ");
		}
		try (ChildService service = startUp(true)) {
			assertThat(loaded(service)[3]).as("planted nodes the killed reload had not removed").isPositive();
			assertEqualsSeed(service);

			// Moment 4: a reload writing relationships.
			bolt("MATCH ()-[r]->() DELETE r");
			killDuringReload(service, "MATCH ()-[r]->() RETURN count(r) > 0", "Seed load: relationships, ", "Seed loaded: ");
		}
		try (ChildService service = startUp(false)) {
			assertThat(loaded(service)[4]).as("relationships the killed reload had not written").isPositive();
			assertEqualsSeed(service);

			// Moment 5: a reload into an emptied store, while it builds the search indexes.
			bolt("MATCH (n) DETACH DELETE n");
			killDuringReload(service, null, "Seed load: building the search indexes", "Schema applied");
		}
		try (ChildService service = startUp(false)) {
			assertThat(service.output()).as("nodes and relationships were all committed before the index build")
				.contains("(no change)");
			assertEqualsSeed(service);
			RawHttp.Response search = RawHttp.get(service.httpPort(), "/api/search?q=%E5%8D%8E%E4%B8%BA");
			assertThat(search.status()).as(search.body()).isEqualTo(200);
			assertThat(search.body()).as("the search indexes are back").contains("\"huawei\"");
			assertThat(service.stop()).as("graceful stop on SIGTERM").isNotNull();
		}
	}

	/**
	 * Starts a reload and kills the service once {@code line} has shown and, if given, the store answers
	 * {@code written} true (the phase has written something); {@code next}, the next phase's line, must
	 * not have shown.
	 */
	private void killDuringReload(ChildService service, String written, String line, String next) throws Exception {
		int port = service.httpPort();
		int before = service.output().length();
		CompletableFuture.runAsync(() -> {
			try {
				RawHttp.send(port, "POST", "/api/admin/seed/reload".getBytes(StandardCharsets.UTF_8),
						"Authorization: Bearer " + TOKEN);
			}
			catch (RuntimeException killedMidRequest) {
				// The answer never comes: the service is killed during the reload.
			}
		});
		try (Driver driver = driver()) {
			assertThat(service.killWhen(() -> service.output().substring(before).contains(line)
					&& (written == null || driver.executableQuery(written).execute().records().getFirst().get(0).asBoolean()),
					START))
				.as(service.output())
				.isTrue();
		}
		String reload = service.output().substring(before);
		int at = reload.indexOf(line);
		assertThat(at).as("the reload's own line, in " + service.output()).isNotNegative();
		assertThat(reload.substring(at)).as("killed within the phase: " + service.output()).doesNotContain(next);
	}

	private void aSecondInstanceOnTheStoreIsRefusedAndChangesNothing(ChildService running) throws Exception {
		try (ChildService second = ChildService.start(dir, Map.of("LANDSCAPE_DATA_DIR", data.toString(),
				"LANDSCAPE_BOLT_PORT", String.valueOf(ChildService.freePort()), "SERVER_PORT", "0"))) {
			Integer exit = second.awaitExit(START);
			assertThat(exit).as(second.output()).isNotNull().isNotZero();
			assertThat(second.output()).contains("is locked by another running instance", "LANDSCAPE_DATA_DIR")
				.doesNotContain("\tat ");
		}
		assertEqualsSeed(running);
	}

	/** The counts of the output's last "Seed loaded" line: nodes created, updated, unchanged, removed, then relationships'. */
	private static long[] loaded(ChildService service) {
		Matcher matcher = LOADED.matcher(service.output());
		long[] counts = null;
		while (matcher.find()) {
			counts = new long[8];
			for (int i = 0; i < 8; i++) {
				counts[i] = Long.parseLong(matcher.group(i + 1));
			}
		}
		assertThat(counts).as("a Seed loaded line in " + service.output()).isNotNull();
		return counts;
	}

	private static JsonNode integrity(ChildService service) {
		RawHttp.Response response = RawHttp.get(service.httpPort(), "/api/admin/integrity", "Authorization: Bearer " + TOKEN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body());
	}

	private static void assertEqualsSeed(ChildService service) {
		JsonNode integrity = integrity(service);
		assertThat(integrity.get("missing")).as(integrity.toString()).isEmpty();
		assertThat(integrity.get("different")).as(integrity.toString()).isEmpty();
		assertThat(integrity.get("extraNodes").asLong()).as(integrity.toString()).isZero();
		assertThat(integrity.get("extraRelationships").asLong()).as(integrity.toString()).isZero();
	}

	/** An outside Bolt client with the generated password, as someone who read it from the data directory. */
	private Driver driver() throws IOException {
		String password = Files.readString(data.resolve(EmbeddedNeo4j.PASSWORD_FILE)).strip();
		return GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", password));
	}

	private void bolt(String cypher) throws IOException {
		try (Driver driver = driver()) {
			driver.executableQuery(cypher).execute();
		}
	}

	private long count(String cypher) throws IOException {
		try (Driver driver = driver()) {
			return count(driver, cypher);
		}
	}

	private static long count(Driver driver, String cypher) {
		return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
	}

}
