package cn.landscape.seed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

}
