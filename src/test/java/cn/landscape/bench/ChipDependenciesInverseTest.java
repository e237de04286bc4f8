package cn.landscape.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import cn.landscape.LandscapeProperties;
import cn.landscape.chip.ChipQueries;
import cn.landscape.schema.SchemaRunner;
import cn.landscape.seed.SeedLoader;
import cn.landscape.seed.SeedModel;
import cn.landscape.seed.SeedReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chip dependencies and chip dependents answer the same relation from its two ends: the models among a
 * chip's dependents are exactly the models whose dependencies hold the chip or a chip it substitutes for.
 * Checked with the service's own Cypher on the real seed, then on a generated landscape around it.
 */
class ChipDependenciesInverseTest {

	private static final int NO_CAP = 1_000_000;

	private static Neo4j neo4j;

	private static Driver driver;

	private static SeedLoader loader;

	@BeforeAll
	static void start() {
		neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
		driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
		SchemaRunner schema = new SchemaRunner(driver);
		schema.apply();
		loader = new SeedLoader(driver, schema, new LandscapeProperties(null, null,
				new LandscapeProperties.Seed(Path.of("graph-seed"), true, 2000), null, null), neo4j.defaultDatabaseService());
	}

	@AfterAll
	static void close() {
		driver.close();
		neo4j.close();
	}

	@Test
	void dependencies_and_dependents_agree_on_the_real_seed_and_on_a_generated_graph() {
		load(SeedReader.read(Path.of("graph-seed")));
		assertAgree(5);
		load(SyntheticLandscape.generate(Path.of("graph-seed"), 3000));
		assertAgree(100);
	}

	private static void load(SeedModel seed) {
		loader.load(seed);
	}

	/** @param atLeast pairs the graph must hold, so that agreement on an empty answer cannot pass. */
	private static void assertAgree(int atLeast) {
		Map<String, Set<String>> chipsOfModel = new TreeMap<>();
		for (String model : ids("MATCH (m:Model) RETURN m.id AS id")) {
			Set<String> chips = new TreeSet<>();
			run(ChipQueries.DEPENDENCIES, Map.of("id", model, "maxRows", NO_CAP))
				.forEach(r -> chips.add(r.get("chip").get("id").asString()));
			chipsOfModel.put(model, chips);
		}
		int pairs = chipsOfModel.values().stream().mapToInt(Set::size).sum();
		assertThat(pairs).as("model-chip dependency pairs").isGreaterThanOrEqualTo(atLeast);
		for (String chip : ids("MATCH (c:Chip) RETURN c.id AS id")) {
			Set<String> reached = new HashSet<>(ids("""
					MATCH (:Chip {id: $id})-[:SUBSTITUTES_FOR]->{0,1}(c:Chip) RETURN DISTINCT c.id AS id""", chip));
			Set<String> expected = new TreeSet<>();
			chipsOfModel.forEach((model, chips) -> {
				if (chips.stream().anyMatch(reached::contains)) {
					expected.add(model);
				}
			});
			Set<String> dependentModels = new TreeSet<>();
			run(ChipQueries.DEPENDENTS, Map.of("id", chip, "maxRows", NO_CAP)).getFirst()
				.get("dependents")
				.asList(d -> d.get("node"))
				.stream()
				.filter(node -> node.get("label").asString().equals("Model"))
				.forEach(node -> dependentModels.add(node.get("id").asString()));
			assertThat(dependentModels).as("models among the dependents of chip " + chip).isEqualTo(expected);
		}
	}

	private static List<String> ids(String cypher) {
		return run(cypher, Map.of()).stream().map(r -> r.get("id").asString()).toList();
	}

	private static List<String> ids(String cypher, String id) {
		return run(cypher, Map.of("id", id)).stream().map(r -> r.get("id").asString()).toList();
	}

	private static List<Record> run(String cypher, Map<String, Object> parameters) {
		return driver.executableQuery(cypher).withParameters(parameters).execute().records();
	}

}
