package cn.landscape.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.driver.Record;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.landscape.LandscapeProperties;

/**
 * Runs the read endpoints' Cypher through Neo4jClient in a read-only transaction (a cluster routes it to
 * a reader) with the configured timeout. The one way every read endpoint reaches the database.
 */
@Component
public class Reads {

	private final Neo4jClient client;

	private final TransactionTemplate readOnly;

	private final int maxRows;

	Reads(Neo4jClient client, PlatformTransactionManager transactionManager, LandscapeProperties properties) {
		this.client = client;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		this.readOnly.setTimeout((int) Math.max(1, Math.ceil(properties.query().timeout().toMillis() / 1000.0)));
		this.maxRows = properties.query().maxRows();
	}

	/** The row cap: no answer lists more than this many items. */
	public int maxRows() {
		return maxRows;
	}

	public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		@SuppressWarnings("unchecked")
		Class<T> type = (Class<T>) Object.class;
		Collection<T> rows = readOnly.execute(status -> client.query(cypher)
			.bindAll(parameters)
			.fetchAs(type)
			.mappedBy((types, record) -> mapper.apply(record))
			.all());
		return rows == null ? List.of() : List.copyOf(rows);
	}

	public <T> Optional<T> one(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		return list(cypher, parameters, mapper).stream().findFirst();
	}

}
