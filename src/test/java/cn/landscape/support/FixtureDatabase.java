package cn.landscape.support;

import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A small in-process Neo4j with a Cypher fixture for one slice test class (@DataNeo4jTest): the harness
 * started with the fixture, and the properties that point Spring's driver at it.
 */
public final class FixtureDatabase {

	private FixtureDatabase() {
	}

	public static Neo4j start(String fixture) {
		return Neo4jBuilders.newInProcessBuilder().withDisabledServer().withFixture(fixture).build();
	}

	public static void register(DynamicPropertyRegistry registry, Neo4j neo4j) {
		registry.add("spring.neo4j.uri", neo4j::boltURI);
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> "");
		registry.add("landscape.neo4j.uri", neo4j::boltURI);
	}

}
