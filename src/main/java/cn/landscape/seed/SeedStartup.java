package cn.landscape.seed;

import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.stereotype.Component;

import cn.landscape.LandscapeProperties;
import cn.landscape.embedded.StartupFailure;
import cn.landscape.schema.SchemaRunner;

/**
 * Before the web server opens: checks the database answers, applies the schema, and makes the graph equal
 * the seed (every load compares the stored values with it and repairs what differs). With
 * landscape.seed.load-on-startup false the graph is left as it is, unless {@code --reload-seed} asks for
 * this one start's load.
 */
@Component
class SeedStartup implements SmartInitializingSingleton {

	private final SchemaRunner schema;

	private final SeedService seeds;

	private final LandscapeProperties properties;

	private final Neo4jConnectionDetails connection;

	private final ApplicationArguments arguments;

	SeedStartup(SchemaRunner schema, SeedService seeds, LandscapeProperties properties, Neo4jConnectionDetails connection,
			ApplicationArguments arguments) {
		this.schema = schema;
		this.seeds = seeds;
		this.properties = properties;
		this.connection = connection;
		this.arguments = arguments;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			schema.apply();
		}
		catch (Neo4jException ex) {
			throw new StartupFailure("Cannot use the Neo4j database at " + connection.getUri() + ": " + ex.getMessage(),
					"Check that it is running and reachable, and NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD.", ex);
		}
		if (!properties.seed().loadOnStartup() && !arguments.containsOption("reload-seed")) {
			return;
		}
		try {
			seeds.load();
		}
		catch (SeedValidationException ex) {
			throw new StartupFailure(ex.getMessage(), "Fix the listed records under " + properties.seed().dir()
					+ " (see graph-seed/README.md), or start with LANDSCAPE_SEED_ON_STARTUP=false.", ex);
		}
	}

}
