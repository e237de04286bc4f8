package cn.landscape.support;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.springframework.test.context.DynamicPropertyRegistry;

import cn.landscape.schema.SchemaRunner;

/**
 * A Cypher fixture for one slice test class (@DataNeo4jTest), in a small in-process Neo4j that every slice
 * class of the test JVM shares, one class after the other: starting a harness per class cost more than its
 * tests. The test holds it in a static {@code @RegisterExtension} field and hands it its
 * {@code @DynamicPropertySource} registry. Before the class runs, the database is emptied of the previous
 * class's nodes, constraints and indexes and gets this fixture; {@link #withSchema} also applies the service's
 * schema (src/main/resources/schema), for queries that rely on its indexes. The full-app tests have a
 * harness of their own ({@link HarnessDatabase}).
 */
public final class FixtureDatabase implements BeforeAllCallback {

	private static Neo4j neo4j;

	private final String fixture;

	private final boolean schema;

	public FixtureDatabase(String fixture) {
		this(fixture, false);
	}

	private FixtureDatabase(String fixture, boolean schema) {
		this.fixture = fixture;
		this.schema = schema;
	}

	/** The fixture with the constraints and indexes the service applies at start, built before the tests run. */
	public static FixtureDatabase withSchema(String fixture) {
		return new FixtureDatabase(fixture, true);
	}

	/** Points Spring's driver and the service's own settings at this database. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", () -> neo4j().boltURI());
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> "");
		registry.add("landscape.neo4j.uri", () -> neo4j().boltURI());
	}

	private static synchronized Neo4j neo4j() {
		if (neo4j == null) {
			neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
			Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
		}
		return neo4j;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		try (Driver driver = GraphDatabase.driver(neo4j().boltURI(), AuthTokens.none());
				Session session = driver.session()) {
			session.run("MATCH (n) DETACH DELETE n").consume();
			for (String constraint : names(session, "SHOW CONSTRAINTS YIELD name RETURN name")) {
				session.run("DROP CONSTRAINT $name", Map.of("name", constraint)).consume();
			}
			for (String index : names(session, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")) {
				session.run("DROP INDEX $name", Map.of("name", index)).consume();
			}
			session.run(fixture).consume();
			if (schema) {
				new SchemaRunner(driver).apply();
			}
		}
	}

	private static List<String> names(Session session, String query) {
		return session.run(query).list(r -> r.get("name").asString());
	}

}
