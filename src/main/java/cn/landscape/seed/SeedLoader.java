package cn.landscape.seed;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.graphdb.GraphDatabaseService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.landscape.LandscapeProperties;
import cn.landscape.embedded.EmbeddedNeo4j;
import cn.landscape.schema.SchemaRunner;
import cn.landscape.seed.LoadReport.Counts;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Relation;

/**
 * Writes a validated seed with batched UNWIND, one transaction per batch. Idempotent: each node and
 * relationship is compared with what the seed says about it (labels and every property) and only written
 * when they differ; whatever the seed does not hold is removed.
 * <p>
 * Fast paths, each keeping that contract:
 * <ul>
 * <li>a kind or relationship type the database holds none of is written with CREATE instead of MERGE
 * (nothing can match; ids are unique per kind in a validated seed);</li>
 * <li>into an empty embedded database, nodes and relationships are created through the core API in
 * process, with no Cypher to plan and run and each relationship's ends taken from the element ids the
 * node batches returned instead of two index seeks;</li>
 * <li>ends are found through the per-kind id constraint (one statement per type and pair of kinds);</li>
 * <li>the removal pass runs only when the database held entities before the load, and compares what is
 * stored with the seed in memory instead of sending every key to the database;</li>
 * <li>into an empty database, the search indexes are built once after the load instead of row by row
 * (see SchemaRunner);</li>
 * <li>the batches of one statement are written on up to four sessions at once (one per processor), each
 * building and hashing its own rows; with the embedded database they go to it in-process (the same
 * Cypher, without Bolt's encoding on both sides);</li>
 * <li>statements skip replanning: the statistics change fast during a load and every plan is an index
 * seek anyway;</li>
 * <li>the hashes are longs, stored inline, and a relationship's identity is its ends and type, not a
 * stored key.</li>
 * </ul>
 */
@Component
public class SeedLoader {

	private static final Log log = LogFactory.getLog(SeedLoader.class);

	/**
	 * The seed's nodes not stored exactly as the seed says: missing, with other labels or other properties
	 * ({@link SeedRows#SAME_NODE}). Found through the Entity id index,
	 * whatever the kind, so one statement serves every kind.
	 */
	private static final String NODES_DIFFERING = """
			CYPHER replan=skip
			UNWIND $rows AS row
			OPTIONAL MATCH (n:Entity {id: row.id}) WHERE row.label IN labels(n)
			WITH row, collect(n) AS found
			WHERE none(n IN found WHERE %s)
			RETURN row.key AS key
			""".formatted(SeedRows.SAME_NODE);

	/** The seed's relationships not stored exactly as the seed says (as {@link SeedRows#SAME_RELATIONSHIP}), in one statement. */
	private static final String RELATIONSHIPS_DIFFERING = """
			CYPHER replan=skip
			UNWIND $rows AS row
			OPTIONAL MATCH (a:Entity {id: row.from}) WHERE row.fromLabel IN labels(a)
			OPTIONAL MATCH (b:Entity {id: row.to}) WHERE row.toLabel IN labels(b)
			OPTIONAL MATCH (a)-[r]->(b) WHERE type(r) = row.type
			WITH row, collect(r) AS found
			WHERE none(r IN found WHERE %s)
			RETURN row.key AS key
			""".formatted(SeedRows.SAME_RELATIONSHIP);

	private final Driver driver;

	/** The in-process database when embedded, else null: batches then go over Bolt. */
	private final GraphDatabaseService embedded;

	private final SchemaRunner schema;

	private final int batchSize;

	private final int writers;

	private ApplicationEventPublisher events = event -> {
	};

	private SessionConfig sessions = SessionConfig.defaultConfig();

	@Autowired
	public SeedLoader(Driver driver, SchemaRunner schema, LandscapeProperties properties,
			ObjectProvider<EmbeddedNeo4j> embedded) {
		this(driver, schema, properties, embedded.stream().map(EmbeddedNeo4j::database).findFirst().orElse(null));
	}

	/** With {@code embedded} null, every write goes over Bolt (an external database). */
	public SeedLoader(Driver driver, SchemaRunner schema, LandscapeProperties properties,
			GraphDatabaseService embedded) {
		this.driver = driver;
		this.schema = schema;
		this.embedded = embedded;
		this.batchSize = properties.seed().batchSize();
		this.writers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	/** Told of every load that may have changed the graph ({@link SeedLoadedEvent}). */
	@Autowired(required = false)
	void setEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** The bookmark manager the reads share: a read after a load sees the load, on a cluster too. */
	@Autowired(required = false)
	void setBookmarks(BookmarkManager bookmarks) {
		this.sessions = SessionConfig.builder().withBookmarkManager(bookmarks).build();
	}

	/**
	 * Makes the graph equal the seed. What is "unchanged" is decided from the values stored, never from a
	 * stored hash: a node or relationship changed behind the service's back is rewritten, one the seed does
	 * not hold is removed.
	 */
	public LoadReport load(SeedModel seed) {
		try (Session session = driver.session(sessions)) {
			String storedHash = session.run("OPTIONAL MATCH (s:SeedState {id: 'seed'}) RETURN s.hash AS hash")
				.single()
				.get("hash")
				.asString(null);
			long start = System.nanoTime();
			boolean fresh = !exists(session, "MATCH (n:Entity) RETURN 1 LIMIT 1");
			List<Relation> relations = SeedRows.distinct(seed.relations(), SeedRows.mentions(seed));
			LoadProgress progress = new LoadProgress();
			SeedBatches writes = new SeedBatches(driver, sessions, embedded, batchSize);
			ExecutorService writerPool = Executors.newFixedThreadPool(writers, r -> {
				Thread thread = new Thread(r, "seed-writer");
				thread.setDaemon(true);
				return thread;
			});
			boolean searchIndexesDropped = false;
			LoadReport report = null;
			try {
				if (fresh) {
					schema.dropSearchIndexes();
					searchIndexesDropped = true;
				}
				Counts nodes = new Counts(0, 0, 0, 0);
				Counts relationships = new Counts(0, 0, 0, 0);
				if (!fresh) {
					// First, so that a node with a wrong label is recreated by the writes below.
					nodes = new Counts(0, 0, 0, deleteByElementId(session, SeedIntegrity.extraNodes(session, seed.entities()),
							"MATCH (n) WHERE elementId(n) IN $ids DETACH DELETE n", "nodes the seed does not hold", progress));
					relationships = new Counts(0, 0, 0, deleteByElementId(session, SeedIntegrity.extraRelationships(session, relations),
							"MATCH ()-[r]->() WHERE elementId(r) IN $ids DELETE r", "relationships the seed does not hold",
							progress));
				}
				progress.phase("nodes", seed.entities().size());
				if (fresh && embedded != null) {
					Map<String, String> elementIds = new ConcurrentHashMap<>(2 * seed.entities().size());
					nodes = writes.createNodes(seed.entities(), elementIds, writerPool, progress);
					progress.phase("relationships", relations.size());
					relationships = writes.createRelationships(relations, elementIds, writerPool, progress);
				}
				else {
					// Over a stored graph, first one read of what differs: a restart over an unchanged store then
					// plans two statements instead of one write statement per kind and per type and pair of kinds.
					List<Entity> entities = fresh ? seed.entities() : differing(session, NODES_DIFFERING, seed.entities(),
							SeedRows::nodeCheckRow, Entity::ref);
					nodes = nodes.plus(new Counts(0, 0, seed.entities().size() - entities.size(), 0))
						.plus(writes.writeNodes(session, entities, fresh, writerPool, progress));
					progress.phase("relationships", relations.size());
					List<Relation> toWrite = fresh ? relations : differing(session, RELATIONSHIPS_DIFFERING, relations,
							SeedRows::relationshipCheckRow, Relation::key);
					relationships = relationships.plus(new Counts(0, 0, relations.size() - toWrite.size(), 0))
						.plus(writes.writeRelationships(session, toWrite, fresh, writerPool, progress));
				}
				progress.done();
				session.run("MERGE (s:SeedState {id: 'seed'}) SET s.hash = $hash, s.loadedAt = datetime()",
						Map.of("hash", seed.hash())).consume();
				if (searchIndexesDropped) {
					log.info("Seed load: building the search indexes");
					schema.apply();
					searchIndexesDropped = false;
				}
				report = new LoadReport(nodes, relationships, (System.nanoTime() - start) / 1_000_000);
				log.info("Seed loaded: " + report + String.format(" (%.0f nodes+relationships/s)", report.perSecond()));
				if (seed.hash().equals(storedHash) && !report.changedNothing()) {
					log.warn("The graph differed from the seed it was loaded from: repaired %d nodes and %d relationships"
						.formatted(nodes.written(), relationships.written()));
				}
				return report;
			}
			finally {
				writerPool.shutdownNow();
				if (searchIndexesDropped) {
					// A failed load still leaves the search indexes in place.
					schema.apply();
				}
				events.publishEvent(new SeedLoadedEvent(report));
			}
		}
	}

	/** The records whose key the statement returns, read in batches of {@code batchSize}. */
	private <T> List<T> differing(Session session, String cypher, List<T> records,
			Function<T, Map<String, Object>> row, Function<T, String> key) {
		Set<String> keys = new HashSet<>();
		for (int from = 0; from < records.size(); from += batchSize) {
			List<Map<String, Object>> rows = records.subList(from, Math.min(records.size(), from + batchSize))
				.stream()
				.map(row)
				.toList();
			session.executeRead(tx -> {
				tx.run(cypher, Map.of("rows", rows)).forEachRemaining(r -> keys.add(r.get("key").asString()));
				return null;
			});
		}
		return records.stream().filter(r -> keys.contains(key.apply(r))).toList();
	}

	/**
	 * Where the stored graph differs from the seed, without changing it: the same row maps and the same
	 * comparisons as a load.
	 */
	public Integrity check(SeedModel seed) {
		return SeedIntegrity.check(driver, sessions, seed);
	}

	/** What differs; the lists name nodes as kind:id and relationships by their seed key. */
	public record Integrity(List<String> missing, List<String> different, long extraNodes, long extraRelationships) {

		public boolean equal() {
			return missing.isEmpty() && different.isEmpty() && extraNodes == 0 && extraRelationships == 0;
		}
	}

	private long deleteByElementId(Session session, List<String> ids, String cypher, String what, LoadProgress progress) {
		if (ids.isEmpty()) {
			return 0;
		}
		progress.phase("removing " + what, ids.size());
		for (int from = 0; from < ids.size(); from += batchSize) {
			List<String> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
			session.executeWrite(tx -> tx.run(cypher, Map.of("ids", batch)).consume());
			progress.advance(batch.size());
		}
		return ids.size();
	}

	static boolean exists(Session session, String cypher) {
		return session.run(cypher).hasNext();
	}

}
