package cn.landscape.seed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.seed.LoadReport.Counts;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Relation;

/**
 * How the loader's writes reach the database: batches of {@code batchSize} records, one transaction each, on
 * the pool's writers at once; in process when embedded (the core API into an empty store, else the same Cypher
 * without Bolt), over Bolt otherwise; retried on transient failures.
 */
final class SeedBatches {

	private static final int MAX_ATTEMPTS = 12;

	private static final Label ENTITY = Label.label("Entity");

	private final Driver driver;

	private final SessionConfig sessions;

	/** The in-process database when embedded, else null: batches then go over Bolt. */
	private final GraphDatabaseService embedded;

	private final int batchSize;

	SeedBatches(Driver driver, SessionConfig sessions, GraphDatabaseService embedded, int batchSize) {
		this.driver = driver;
		this.sessions = sessions;
		this.embedded = embedded;
		this.batchSize = batchSize;
	}

	/**
	 * Into an empty embedded store: the nodes through the core API, no Cypher to plan or run (nothing can
	 * match, so CREATE is MERGE). Records each node's element id under its ref for the relationships.
	 */
	Counts createNodes(List<Entity> entities, Map<String, String> elementIds, ExecutorService pool,
			LoadProgress progress) {
		Map<Kind, Label[]> labels = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			labels.put(kind, new Label[] { Label.label(kind.label()), ENTITY });
		}
		return coreApiBatches(entities, pool, progress, (tx, slice) -> {
			String[] created = new String[slice.size()];
			for (int i = 0; i < created.length; i++) {
				Entity entity = slice.get(i);
				Node node = tx.createNode(labels.get(entity.kind()));
				SeedRows.setProperties(node, SeedRows.props(SeedRows.nodeRow(entity)));
				created[i] = node.getElementId();
			}
			return () -> {
				for (int i = 0; i < created.length; i++) {
					elementIds.put(slice.get(i).ref(), created[i]);
				}
			};
		});
	}

	/** Into an empty embedded store: the relationships through the core API, ends by element id. */
	Counts createRelationships(List<Relation> relations, Map<String, String> elementIds,
			ExecutorService pool, LoadProgress progress) {
		Map<RelType, RelationshipType> types = new EnumMap<>(RelType.class);
		for (RelType type : RelType.values()) {
			types.put(type, RelationshipType.withName(type.name()));
		}
		return coreApiBatches(relations, pool, progress, (tx, slice) -> {
			for (Relation relation : slice) {
				Node from = tx.getNodeByElementId(elementIds.get(relation.fromRef()));
				Node to = tx.getNodeByElementId(elementIds.get(relation.toRef()));
				SeedRows.setProperties(from.createRelationshipTo(to, types.get(relation.type())), SeedRows.props(SeedRows.relationshipRow(relation)));
			}
			return () -> {
			};
		});
	}

	/**
	 * Core API batches (see {@link #inBatches}): each written by {@code write} in its own transaction,
	 * retried on transient failures; what {@code write} returns runs once the batch is committed.
	 */
	private <T> Counts coreApiBatches(List<T> records, ExecutorService pool, LoadProgress progress,
			BiFunction<Transaction, List<T>, Runnable> write) {
		return inBatches(records, pool, progress, slice -> {
			retried(() -> {
				try (Transaction tx = embedded.beginTx()) {
					Runnable then = write.apply(tx, slice);
					tx.commit();
					return then;
				}
			}).run();
			return new Counts(slice.size(), 0, 0, 0);
		});
	}

	/**
	 * Writes a statement's rows in batches (see {@link #inBatches}), in-process when embedded, else over
	 * Bolt; each writer builds (hashes) its batch's rows itself.
	 */
	<T> Counts batches(String cypher, List<T> records, Function<T, Map<String, Object>> row,
			ExecutorService pool, LoadProgress progress) {
		return inBatches(records, pool, progress, slice -> {
			Map<String, Object> parameters = Map.of("rows", slice.stream().map(row).toList());
			return embedded != null ? writeInProcess(cypher, parameters) : writeOverBolt(cypher, parameters);
		});
	}

	/**
	 * Writes the records in batches of {@code batchSize}, one transaction each, on the pool's writers at
	 * once. Returns the sum of the batches' counts when all are written.
	 */
	private <T> Counts inBatches(List<T> records, ExecutorService pool, LoadProgress progress,
			Function<List<T>, Counts> write) {
		List<Future<Counts>> futures = new ArrayList<>();
		for (int from = 0; from < records.size(); from += batchSize) {
			List<T> slice = records.subList(from, Math.min(records.size(), from + batchSize));
			futures.add(pool.submit(() -> {
				Counts written = write.apply(slice);
				progress.advance(slice.size());
				return written;
			}));
		}
		Counts counts = new Counts(0, 0, 0, 0);
		for (Future<Counts> future : futures) {
			counts = counts.plus(get(future));
		}
		return counts;
	}

	private Counts writeInProcess(String cypher, Map<String, Object> parameters) {
		return retried(() -> embedded.executeTransactionally(cypher, parameters, result -> {
			Map<String, Object> counts = result.next();
			return new Counts(((Number) counts.get("created")).longValue(),
					((Number) counts.get("updated")).longValue(), ((Number) counts.get("unchanged")).longValue(), 0);
		}));
	}

	/** Retried on deadlocks and other transient failures, as the driver's executeWrite does over Bolt. */
	static <V> V retried(Supplier<V> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (TransientFailureException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
				sleep(Math.min(1_000, 20L << attempt) + ThreadLocalRandom.current().nextLong(20));
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Seed load interrupted", ex);
		}
	}

	private Counts writeOverBolt(String cypher, Map<String, Object> parameters) {
		try (Session session = driver.session(sessions)) {
			Record result = session.executeWrite(tx -> tx.run(cypher, parameters).single());
			return new Counts(result.get("created").asLong(), result.get("updated").asLong(),
					result.get("unchanged").asLong(), 0);
		}
	}

	private static <V> V get(Future<V> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Seed load interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Nodes by kind: CREATE where the store holds none of the kind, else MERGE by id and compare. */
	Counts writeNodes(Session session, List<Entity> entities, boolean fresh, ExecutorService writerPool,
			LoadProgress progress) {
		Counts counts = new Counts(0, 0, 0, 0);
		Map<Kind, List<Entity>> byKind = entities.stream()
			.collect(Collectors.groupingBy(Entity::kind, () -> new EnumMap<>(Kind.class), Collectors.toList()));
		for (Map.Entry<Kind, List<Entity>> group : byKind.entrySet()) {
			String label = group.getKey().label();
			boolean create = fresh || !SeedLoader.exists(session, "MATCH (n:`%s`) RETURN 1 LIMIT 1".formatted(label));
			String cypher = create ? """
					CYPHER replan=skip
					UNWIND $rows AS row
					CREATE (n:`%s`:Entity)
					SET n = row.props
					RETURN count(*) AS created, 0 AS updated, 0 AS unchanged
					""".formatted(label) : """
					CYPHER replan=skip
					UNWIND $rows AS row
					OPTIONAL MATCH (n:`%s` {id: row.id})
					WITH n, row, %s AS same
					FOREACH (_ IN CASE WHEN n IS NULL THEN [1] ELSE [] END | CREATE (m:`%s`:Entity) SET m = row.props)
					FOREACH (_ IN CASE WHEN n IS NOT NULL AND NOT same THEN [1] ELSE [] END | SET n = row.props, n:Entity)
					RETURN count(CASE WHEN n IS NULL THEN 1 END) AS created,
					       count(CASE WHEN n IS NOT NULL AND NOT same THEN 1 END) AS updated,
					       count(CASE WHEN same THEN 1 END) AS unchanged
					""".formatted(label, SeedRows.SAME_NODE, label);
			counts = counts.plus(batches(cypher, group.getValue(), SeedRows::nodeRow, writerPool, progress));
		}
		return counts;
	}

	Counts writeRelationships(Session session, List<Relation> all, boolean fresh, ExecutorService writerPool,
			LoadProgress progress) {
		Map<RelType, Map<String, List<Relation>>> byType = new EnumMap<>(RelType.class);
		for (Relation relation : all) {
			byType.computeIfAbsent(relation.type(), t -> new TreeMap<>())
				.computeIfAbsent(relation.fromKind().label() + ">" + relation.toKind().label(), k -> new ArrayList<>())
				.add(relation);
		}
		Counts counts = new Counts(0, 0, 0, 0);
		// One statement per type and pair of kinds (neither a type nor a label can be a parameter): the ends
		// are found through each kind's id constraint.
		for (Map.Entry<RelType, Map<String, List<Relation>>> type : byType.entrySet()) {
			String name = type.getKey().name();
			boolean create = fresh || !SeedLoader.exists(session, "MATCH ()-[r:`%s`]->() RETURN 1 LIMIT 1".formatted(name));
			for (List<Relation> group : type.getValue().values()) {
				String from = group.getFirst().fromKind().label();
				String to = group.getFirst().toKind().label();
				String cypher = create ? """
						CYPHER replan=skip
						UNWIND $rows AS row
						MATCH (a:`%s` {id: row.from})
						MATCH (b:`%s` {id: row.to})
						CREATE (a)-[r:`%s`]->(b)
						SET r = row.props
						RETURN count(*) AS created, 0 AS updated, 0 AS unchanged
						""".formatted(from, to, name) : """
						CYPHER replan=skip
						UNWIND $rows AS row
						MATCH (a:`%s` {id: row.from})
						MATCH (b:`%s` {id: row.to})
						OPTIONAL MATCH (a)-[r:`%s`]->(b)
						WITH a, b, r, row, %s AS same
						FOREACH (_ IN CASE WHEN r IS NULL THEN [1] ELSE [] END | CREATE (a)-[n:`%s`]->(b) SET n = row.props)
						FOREACH (_ IN CASE WHEN r IS NOT NULL AND NOT same THEN [1] ELSE [] END | SET r = row.props)
						RETURN count(CASE WHEN r IS NULL THEN 1 END) AS created,
						       count(CASE WHEN r IS NOT NULL AND NOT same THEN 1 END) AS updated,
						       count(CASE WHEN same THEN 1 END) AS unchanged
						""".formatted(from, to, name, SeedRows.SAME_RELATIONSHIP, name);
				counts = counts.plus(batches(cypher, group, SeedRows::relationshipRow, writerPool, progress));
			}
		}
		return counts;
	}

}
