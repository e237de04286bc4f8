package cn.landscape.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import cn.landscape.LandscapeProperties;
import cn.landscape.schema.SchemaRunner;
import cn.landscape.seed.SeedLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers whose Cypher walks an id index in order and stops early (models by industry, chip
 * dependents) give what a plain query that finds everything, sorts and cuts gives. On a synthetic
 * landscape with small pages, so that the early-stopping branch is the one taken.
 */
class EarlyStopQueriesTest {

	private static Neo4j neo4j;

	private static Driver driver;

	@BeforeAll
	static void load() {
		neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
		driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
		SchemaRunner schema = new SchemaRunner(driver);
		schema.apply();
		SeedLoader loader = new SeedLoader(driver, schema, new LandscapeProperties(null, null,
				new LandscapeProperties.Seed(Path.of("graph-seed"), true, 2000), null, null), neo4j.defaultDatabaseService());
		loader.load(SyntheticLandscape.generate(Path.of("graph-seed"), 3000), true);
	}

	@AfterAll
	static void close() {
		driver.close();
		neo4j.close();
	}

	private List<String> ids(String cypher, Map<String, Object> parameters, String column) {
		return driver.executableQuery(cypher).withParameters(parameters).execute().records().stream()
			.map(r -> r.get(column).asString())
			.toList();
	}

	private long one(String cypher, Map<String, Object> parameters) {
		return driver.executableQuery(cypher).withParameters(parameters).execute().records().getFirst().get(0).asLong();
	}

	@Test
	void finance_models_found_by_walking_the_model_ids_are_the_first_by_id_that_serve_finance() {
		String models = Bench.constant("cn.landscape.industry.IndustryController", "MODELS");
		Map<String, Object> facts = Map.of("industry", "finance");
		long degree = one("MATCH (i:Industry {id: $industry}) RETURN COUNT { (i)<-[:SERVES]-() }", facts);
		long modelCount = one("MATCH (m:Model) RETURN count(m)", facts);
		int window = 5;
		assertThat(degree * degree).as("the walk is the branch taken").isGreaterThan(window * modelCount);
		List<String> expected = ids("""
				MATCH (:Industry {id: $industry})<-[:SERVES]-(m:Model)
				RETURN DISTINCT m.id AS id ORDER BY id LIMIT 5
				""", facts, "id");
		assertThat(expected).hasSize(5);
		List<String> pageOne = ids(models,
				Map.of("industry", "finance", "includeGeneral", false, "offset", 0, "limit", 3, "window", 3), "id");
		List<String> pageTwo = ids(models,
				Map.of("industry", "finance", "includeGeneral", false, "offset", 3, "limit", 2, "window", 5), "id");
		assertThat(pageOne).containsExactlyElementsOf(expected.subList(0, 3));
		assertThat(pageTwo).containsExactlyElementsOf(expected.subList(3, 5));
	}

	@Test
	void a100_dependents_found_by_walking_the_entity_ids_are_the_first_by_id_that_rely_on_it() {
		String dependents = Bench.constant("cn.landscape.chip.ChipController", "DEPENDENTS");
		Map<String, Object> parameters = Map.of("id", "a100", "maxRows", 8);
		long degree = one("""
				MATCH (:Chip {id: $id})-[:SUBSTITUTES_FOR]->{0,1}(c:Chip)
				WITH DISTINCT c
				RETURN sum(COUNT { (c)<-[:RUNS_ON|TRAINED_ON]-() })
				""", parameters);
		long entities = one("MATCH (e:Entity) RETURN count(e)", parameters);
		assertThat(degree * degree).as("the walk is the branch taken").isGreaterThan(8 * entities);
		List<String> expected = ids("""
				MATCH (:Chip {id: $id})-[:SUBSTITUTES_FOR]->{0,1}(c:Chip)
				CALL (c) {
				  MATCH (dep:Model)-[:BASED_ON|VERSION_OF]->{0,2}(:Model)-[:RUNS_ON|TRAINED_ON]->(c) RETURN dep
				  UNION
				  MATCH (dep:Model)-[:USES]->(:Facility)-[:RUNS_ON]->(c) RETURN dep
				  UNION
				  MATCH (dep:Vendor)-[:DEVELOPS]->(:Model)-[:RUNS_ON|TRAINED_ON]->(c) RETURN dep
				  UNION
				  MATCH (dep:Vendor)-[:DEVELOPS|USES]->(:Facility)-[:RUNS_ON]->(c) RETURN dep
				  UNION
				  MATCH (dep:Application)-[:RUNS_ON]->(c) RETURN dep
				}
				RETURN DISTINCT dep.id AS id ORDER BY id LIMIT $maxRows
				""", parameters, "id");
		assertThat(expected).hasSize(8);
		List<String> answer = driver.executableQuery(dependents).withParameters(parameters).execute().records().getFirst()
			.get("dependents")
			.asList(d -> d.get("node").get("id").asString());
		assertThat(answer).containsExactlyElementsOf(expected);
	}

}
