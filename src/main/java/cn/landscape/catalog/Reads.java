package cn.landscape.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

import org.springframework.stereotype.Component;

import cn.landscape.LandscapeProperties;

/**
 * Runs the read endpoints' Cypher as auto-commit queries in read sessions (a cluster routes them to a
 * reader) with the configured timeout. The one way every read endpoint reaches the database.
 * <p>
 * Auto-commit rather than a managed transaction (Spring's TransactionTemplate over Neo4jClient): every
 * answer is one query, so a transaction around it adds nothing but the COMMIT round trip, measured at
 * about 0.5 ms of a 1.5 ms search on loopback; and Neo4jClient outside a transaction cannot say "read".
 */
@Component
public class Reads {

	private static final SessionConfig READ = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

	private final Driver driver;

	private final TransactionConfig timeout;

	private final int maxRows;

	Reads(Driver driver, LandscapeProperties properties) {
		this.driver = driver;
		this.timeout = TransactionConfig.builder().withTimeout(properties.query().timeout()).build();
		this.maxRows = properties.query().maxRows();
	}

	/** The row cap: no answer lists more than this many items. */
	public int maxRows() {
		return maxRows;
	}

	public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		try (Session session = driver.session(READ)) {
			return List.copyOf(session.run(cypher, parameters, timeout).list(mapper));
		}
	}

	public <T> Optional<T> one(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		return list(cypher, parameters, mapper).stream().findFirst();
	}

}
