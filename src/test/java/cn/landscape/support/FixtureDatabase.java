package cn.landscape.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.springframework.test.context.DynamicPropertyRegistry;

import cn.landscape.schema.SchemaRunner;

/**
 * A small in-process Neo4j with a Cypher fixture for one slice test class (@DataNeo4jTest). The test holds it in
 * a static {@code @RegisterExtension} field and hands it its {@code @DynamicPropertySource} registry; the harness
 * starts when Spring first asks for its address and stops after the class. {@link #withSchema} also applies the
 * service's schema (src/main/resources/schema), for queries that rely on its indexes.
 */
public final class FixtureDatabase implements AfterAllCallback {

	private final String fixture;

	private final boolean schema;

	private Neo4j neo4j;

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

	private synchronized Neo4j neo4j() {
		if (neo4j == null) {
			neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().withFixture(fixture).build();
			if (schema) {
				try (Driver driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none())) {
					new SchemaRunner(driver).apply();
				}
			}
		}
		return neo4j;
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (neo4j != null) {
			neo4j.close();
			neo4j = null;
		}
	}

}
