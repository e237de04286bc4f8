package cn.landscape.support;

import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One in-process Neo4j (neo4j-harness) per test JVM, shared by every Spring context of the tests so
 * that the real seed is loaded once. Bolt only; the harness's HTTP server stays off.
 */
public final class HarnessDatabase {

	private static Neo4j neo4j;

	private HarnessDatabase() {
	}

	public static synchronized Neo4j get() {
		if (neo4j == null) {
			neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
			Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
		}
		return neo4j;
	}

	public static String boltUri() {
		return get().boltURI().toString();
	}

}
