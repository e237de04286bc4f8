package cn.landscape.seed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.BookmarkManager;
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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.landscape.entity.Names;
import cn.landscape.LandscapeProperties;
import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.embedded.EmbeddedNeo4j;
import cn.landscape.schema.SchemaRunner;
import cn.landscape.seed.LoadReport.Counts;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.evidence.Evidence;
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

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final int MAX_ATTEMPTS = 12;

	private static final Label ENTITY = Label.label("Entity");

	/** A stored node equals its row when its labels are exactly its kind's and Entity and its properties are the row's. */
	private static final String SAME_NODE = "coalesce(n:Entity AND size(labels(n)) = 2 AND properties(n) = row.props, false)";

	/** A stored relationship equals its row when its properties are the row's (type and ends are how it was found). */
	private static final String SAME_RELATIONSHIP = "coalesce(properties(r) = row.props, false)";

	/**
	 * The seed's nodes not stored exactly as the seed says: missing, with other labels or other properties
	 * ({@link #SAME_NODE}). Found through the Entity id index,
	 * whatever the kind, so one statement serves every kind.
	 */
	private static final String NODES_DIFFERING = """
			CYPHER replan=skip
			UNWIND $rows AS row
			OPTIONAL MATCH (n:Entity {id: row.id}) WHERE row.label IN labels(n)
			WITH row, collect(n) AS found
			WHERE none(n IN found WHERE %s)
			RETURN row.key AS key
			""".formatted(SAME_NODE);

	/** The seed's relationships not stored exactly as the seed says (as {@link #SAME_RELATIONSHIP}), in one statement. */
	private static final String RELATIONSHIPS_DIFFERING = """
			CYPHER replan=skip
			UNWIND $rows AS row
			OPTIONAL MATCH (a:Entity {id: row.from}) WHERE row.fromLabel IN labels(a)
			OPTIONAL MATCH (b:Entity {id: row.to}) WHERE row.toLabel IN labels(b)
			OPTIONAL MATCH (a)-[r]->(b) WHERE type(r) = row.type
			WITH row, collect(r) AS found
			WHERE none(r IN found WHERE %s)
			RETURN row.key AS key
			""".formatted(SAME_RELATIONSHIP);

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
			List<Relation> relations = distinct(seed.relations(), mentions(seed));
			Progress progress = new Progress();
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
					nodes = new Counts(0, 0, 0, deleteByElementId(session, extraNodes(session, seed.entities()),
							"MATCH (n) WHERE elementId(n) IN $ids DETACH DELETE n", "nodes the seed does not hold", progress));
					relationships = new Counts(0, 0, 0, deleteByElementId(session, extraRelationships(session, relations),
							"MATCH ()-[r]->() WHERE elementId(r) IN $ids DELETE r", "relationships the seed does not hold",
							progress));
				}
				progress.phase("nodes", seed.entities().size());
				if (fresh && embedded != null) {
					Map<String, String> elementIds = new ConcurrentHashMap<>(2 * seed.entities().size());
					nodes = createNodes(seed.entities(), elementIds, writerPool, progress);
					progress.phase("relationships", relations.size());
					relationships = createRelationships(relations, elementIds, writerPool, progress);
				}
				else {
					// Over a stored graph, first one read of what differs: a restart over an unchanged store then
					// plans two statements instead of one write statement per kind and per type and pair of kinds.
					List<Entity> entities = fresh ? seed.entities() : differing(session, NODES_DIFFERING, seed.entities(),
							this::nodeCheckRow, Entity::ref);
					nodes = nodes.plus(new Counts(0, 0, seed.entities().size() - entities.size(), 0))
						.plus(writeNodes(session, entities, fresh, writerPool, progress));
					progress.phase("relationships", relations.size());
					List<Relation> toWrite = fresh ? relations : differing(session, RELATIONSHIPS_DIFFERING, relations,
							this::relationshipCheckRow, Relation::key);
					relationships = relationships.plus(new Counts(0, 0, relations.size() - toWrite.size(), 0))
						.plus(writeRelationships(session, toWrite, fresh, writerPool, progress));
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

	private Map<String, Object> nodeCheckRow(Entity entity) {
		Map<String, Object> row = new HashMap<>(nodeRow(entity));
		row.put("label", entity.kind().label());
		row.put("key", entity.ref());
		return row;
	}

	private Map<String, Object> relationshipCheckRow(Relation relation) {
		Map<String, Object> row = new HashMap<>(relationshipRow(relation));
		row.put("fromLabel", relation.fromKind().label());
		row.put("toLabel", relation.toKind().label());
		row.put("type", relation.type().name());
		row.put("key", relation.key());
		return row;
	}

	private Counts writeNodes(Session session, List<Entity> entities, boolean fresh, ExecutorService writerPool,
			Progress progress) {
		Counts counts = new Counts(0, 0, 0, 0);
		Map<Kind, List<Entity>> byKind = entities.stream()
			.collect(Collectors.groupingBy(Entity::kind, () -> new EnumMap<>(Kind.class), Collectors.toList()));
		for (Map.Entry<Kind, List<Entity>> group : byKind.entrySet()) {
			String label = group.getKey().label();
			boolean create = fresh || !exists(session, "MATCH (n:`%s`) RETURN 1 LIMIT 1".formatted(label));
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
					""".formatted(label, SAME_NODE, label);
			counts = counts.plus(batches(cypher, group.getValue(), this::nodeRow, writerPool, progress));
		}
		return counts;
	}

	private Counts writeRelationships(Session session, List<Relation> all, boolean fresh, ExecutorService writerPool,
			Progress progress) {
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
			boolean create = fresh || !exists(session, "MATCH ()-[r:`%s`]->() RETURN 1 LIMIT 1".formatted(name));
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
						""".formatted(from, to, name, SAME_RELATIONSHIP, name);
				counts = counts.plus(batches(cypher, group, this::relationshipRow, writerPool, progress));
			}
		}
		return counts;
	}

	/**
	 * Into an empty embedded store: the nodes through the core API, no Cypher to plan or run (nothing can
	 * match, so CREATE is MERGE). Records each node's element id under its ref for the relationships.
	 */
	private Counts createNodes(List<Entity> entities, Map<String, String> elementIds, ExecutorService pool,
			Progress progress) {
		Map<Kind, Label[]> labels = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			labels.put(kind, new Label[] { Label.label(kind.label()), ENTITY });
		}
		return coreApiBatches(entities, pool, progress, (tx, slice) -> {
			String[] created = new String[slice.size()];
			for (int i = 0; i < created.length; i++) {
				Entity entity = slice.get(i);
				Node node = tx.createNode(labels.get(entity.kind()));
				setProperties(node, props(nodeRow(entity)));
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
	private Counts createRelationships(List<Relation> relations, Map<String, String> elementIds,
			ExecutorService pool, Progress progress) {
		Map<RelType, RelationshipType> types = new EnumMap<>(RelType.class);
		for (RelType type : RelType.values()) {
			types.put(type, RelationshipType.withName(type.name()));
		}
		return coreApiBatches(relations, pool, progress, (tx, slice) -> {
			for (Relation relation : slice) {
				Node from = tx.getNodeByElementId(elementIds.get(relation.fromRef()));
				Node to = tx.getNodeByElementId(elementIds.get(relation.toRef()));
				setProperties(from.createRelationshipTo(to, types.get(relation.type())), props(relationshipRow(relation)));
			}
			return () -> {
			};
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> props(Map<String, Object> row) {
		return (Map<String, Object>) row.get("props");
	}

	/** As Cypher's {@code SET n = map} stores them: integers as long, lists as arrays. */
	private static void setProperties(org.neo4j.graphdb.Entity entity, Map<String, Object> props) {
		props.forEach((key, value) -> {
			if (value != null) {
				entity.setProperty(key, stored(value));
			}
		});
	}

	private static Object stored(Object value) {
		if (value instanceof List<?> list) {
			if (!list.isEmpty() && list.stream().allMatch(v -> v instanceof Boolean)) {
				boolean[] array = new boolean[list.size()];
				for (int i = 0; i < array.length; i++) {
					array[i] = (Boolean) list.get(i);
				}
				return array;
			}
			if (!list.isEmpty() && list.stream().allMatch(v -> v instanceof Number)) {
				if (list.stream().allMatch(SeedLoader::integral)) {
					return list.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
				}
				return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
			}
			return list.stream().map(String::valueOf).toArray(String[]::new);
		}
		if (value instanceof Number number) {
			return integral(number) ? (Object) number.longValue() : (Object) number.doubleValue();
		}
		return value;
	}

	private static boolean integral(Object number) {
		return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
				|| number instanceof java.math.BigInteger;
	}

	/**
	 * Core API batches (see {@link #inBatches}): each written by {@code write} in its own transaction,
	 * retried on transient failures; what {@code write} returns runs once the batch is committed.
	 */
	private <T> Counts coreApiBatches(List<T> records, ExecutorService pool, Progress progress,
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
	 * Stored nodes that are not the seed's: an id the seed does not hold, or labels other than exactly the
	 * kind's and Entity. Every node but the loader's own SeedState is looked at, whatever its labels.
	 */
	private List<String> extraNodes(Session session, List<Entity> entities) {
		Set<String> refs = new HashSet<>(entities.size() * 2);
		entities.forEach(e -> refs.add(e.ref()));
		List<String> extra = new ArrayList<>();
		session.executeRead(tx -> {
			tx.run("MATCH (n) WHERE NOT n:SeedState RETURN elementId(n) AS id, labels(n) AS labels, n.id AS entityId")
				.forEachRemaining(r -> {
					List<String> labels = r.get("labels").asList(v -> v.asString());
					Optional<Kind> kind = labels.size() == 2 && labels.contains("Entity")
							? Kind.fromLabel(labels.get(labels.get(0).equals("Entity") ? 1 : 0)) : Optional.empty();
					if (kind.isEmpty() || !(r.get("entityId").isNull() ? false
							: refs.contains(SeedModel.ref(kind.get(), String.valueOf(r.get("entityId").asObject()))))) {
						extra.add(r.get("id").asString());
					}
				});
			return null;
		});
		return extra;
	}

	/** Stored relationships that are not the seed's, and every second copy of one that is. */
	private List<String> extraRelationships(Session session, List<Relation> relations) {
		Set<String> keys = new HashSet<>(relations.size() * 2);
		relations.forEach(r -> keys.add(r.key()));
		Set<String> seen = new HashSet<>(relations.size() * 2);
		List<String> extra = new ArrayList<>();
		session.executeRead(tx -> {
			tx.run("""
					MATCH (a)-[r]->(b)
					RETURN elementId(r) AS id, [l IN labels(a) WHERE l <> 'Entity'][0] AS fromLabel, a.id AS fromId,
					       type(r) AS type, [l IN labels(b) WHERE l <> 'Entity'][0] AS toLabel, b.id AS toId
					""").forEachRemaining(r -> {
				Optional<Kind> from = Kind.fromLabel(r.get("fromLabel").asString(null));
				Optional<Kind> to = Kind.fromLabel(r.get("toLabel").asString(null));
				String key = from.isEmpty() || to.isEmpty() ? null : Relation.key(from.get(), String.valueOf(r.get("fromId").asObject()),
						r.get("type").asString(), to.get(), String.valueOf(r.get("toId").asObject()));
				if (key == null || !keys.contains(key) || !seen.add(key)) {
					extra.add(r.get("id").asString());
				}
			});
			return null;
		});
		return extra;
	}

	/**
	 * Where the stored graph differs from the seed, without changing it: the same row maps and the same
	 * comparisons as a load.
	 */
	public Integrity check(SeedModel seed) {
		List<Relation> relations = distinct(seed.relations(), mentions(seed));
		try (Session session = driver.session(sessions)) {
			List<String> missing = new ArrayList<>();
			List<String> different = new ArrayList<>();
			Map<Kind, List<Entity>> byKind = seed.entities().stream()
				.collect(Collectors.groupingBy(Entity::kind, () -> new EnumMap<>(Kind.class), Collectors.toList()));
			byKind.forEach((kind, entities) -> compare(session, """
					UNWIND $rows AS row
					OPTIONAL MATCH (n:`%s` {id: row.id})
					RETURN row.id AS id, n IS NULL AS missing, %s AS same
					""".formatted(kind.label(), SAME_NODE), entities.stream().map(this::nodeRow).toList(),
					id -> SeedModel.ref(kind, id), missing, different));
			Map<String, List<Relation>> byEnds = relations.stream()
				.collect(Collectors.groupingBy(r -> r.type().name() + ":" + r.fromKind().label() + ">" + r.toKind().label(),
						TreeMap::new, Collectors.toList()));
			byEnds.forEach((group, rels) -> {
				Relation first = rels.getFirst();
				Map<String, Relation> byKey = new LinkedHashMap<>();
				rels.forEach(r -> byKey.put(r.fromId() + ">" + r.toId(), r));
				compare(session, """
						UNWIND $rows AS row
						OPTIONAL MATCH (a:`%s` {id: row.from})-[r:`%s`]->(b:`%s` {id: row.to})
						RETURN row.from + '>' + row.to AS id, r IS NULL AS missing, %s AS same
						""".formatted(first.fromKind().label(), first.type().name(), first.toKind().label(), SAME_RELATIONSHIP),
						rels.stream().map(this::relationshipRow).toList(), id -> byKey.get(id).key(), missing, different);
			});
			return new Integrity(missing, different, extraNodes(session, seed.entities()).size(),
					extraRelationships(session, relations).size());
		}
	}

	private static void compare(Session session, String cypher, List<Map<String, Object>> rows,
			Function<String, String> name, List<String> missing, List<String> different) {
		session.executeRead(tx -> {
			tx.run(cypher, Map.of("rows", rows)).forEachRemaining(r -> {
				String id = String.valueOf(r.get("id").asObject());
				if (r.get("missing").asBoolean()) {
					missing.add(name.apply(id));
				}
				else if (!r.get("same").asBoolean()) {
					different.add(name.apply(id));
				}
			});
			return null;
		});
	}

	/** What differs; the lists name nodes as kind:id and relationships by their seed key. */
	public record Integrity(List<String> missing, List<String> different, long extraNodes, long extraRelationships) {

		public boolean equal() {
			return missing.isEmpty() && different.isEmpty() && extraNodes == 0 && extraRelationships == 0;
		}
	}

	private long deleteByElementId(Session session, List<String> ids, String cypher, String what, Progress progress) {
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

	private static boolean exists(Session session, String cypher) {
		return session.run(cypher).hasNext();
	}

	/** The seed's relations and the loader's MENTIONS, one per key (the last record of a key wins). */
	private static List<Relation> distinct(List<Relation> relations, List<Relation> mentions) {
		Map<String, Relation> byKey = new LinkedHashMap<>(2 * (relations.size() + mentions.size()));
		relations.forEach(r -> byKey.put(r.key(), r));
		mentions.forEach(r -> byKey.put(r.key(), r));
		return byKey.size() == relations.size() + mentions.size() ? concat(relations, mentions)
				: new ArrayList<>(byKey.values());
	}

	private static List<Relation> concat(List<Relation> a, List<Relation> b) {
		List<Relation> all = new ArrayList<>(a.size() + b.size());
		all.addAll(a);
		all.addAll(b);
		return all;
	}

	/**
	 * Writes a statement's rows in batches (see {@link #inBatches}), in-process when embedded, else over
	 * Bolt; each writer builds (hashes) its batch's rows itself.
	 */
	private <T> Counts batches(String cypher, List<T> records, Function<T, Map<String, Object>> row,
			ExecutorService pool, Progress progress) {
		return inBatches(records, pool, progress, slice -> {
			Map<String, Object> parameters = Map.of("rows", slice.stream().map(row).toList());
			return embedded != null ? writeInProcess(cypher, parameters) : writeOverBolt(cypher, parameters);
		});
	}

	/**
	 * Writes the records in batches of {@code batchSize}, one transaction each, on the pool's writers at
	 * once. Returns the sum of the batches' counts when all are written.
	 */
	private <T> Counts inBatches(List<T> records, ExecutorService pool, Progress progress,
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
	private static <V> V retried(Supplier<V> work) {
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

	private Map<String, Object> nodeRow(Entity entity) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("id", entity.id());
		props.put("name", entity.name());
		if (entity.nameEn() != null) {
			props.put("nameEn", entity.nameEn());
		}
		if (!entity.aliases().isEmpty()) {
			props.put("aliases", entity.aliases());
		}
		Set<String> keys = new LinkedHashSet<>();
		keys.add(Names.normalize(entity.id()));
		keys.add(Names.normalize(entity.name()));
		if (entity.nameEn() != null) {
			keys.add(Names.normalize(entity.nameEn()));
		}
		entity.aliases().forEach(a -> keys.add(Names.normalize(a)));
		props.put("keys", List.copyOf(keys));
		Map<String, List<Evidence>> propertyEvidence = new TreeMap<>();
		List<String> curated = new ArrayList<>();
		if (entity.nameEn() != null) {
			curated.add("nameEn");
		}
		if (!entity.aliases().isEmpty()) {
			curated.add("aliases");
		}
		if (entity.curated()) {
			curated.add("existence");
		}
		entity.props().forEach((key, fact) -> {
			props.put(key, fact.value());
			if ((fact.evidence().isEmpty() || fact.curated() != null) && entity.kind() != Kind.DOCUMENT) {
				curated.add(key);
			}
			if (!fact.evidence().isEmpty()) {
				propertyEvidence.put(key, fact.evidence());
			}
		});
		props.putAll(Evidence.writeByProperty(propertyEvidence));
		if (!curated.isEmpty()) {
			props.put("curated", curated);
		}
		long hash = hash(JSON.writeValueAsString(new TreeMap<>(props)));
		props.put("seedHash", hash);
		return Map.of("id", entity.id(), "hash", hash, "props", props);
	}

	private Map<String, Object> relationshipRow(Relation relation) {
		Map<String, Object> props = new LinkedHashMap<>(relation.props());
		props.putAll(Evidence.write(relation.evidence()));
		if (relation.curated()) {
			props.put("curated", true);
		}
		long hash = hash(JSON.writeValueAsString(new TreeMap<>(props)));
		props.put("seedHash", hash);
		return Map.of("from", relation.fromId(), "to", relation.toId(), "hash", hash, "props", props);
	}

	/** Each entity's own evidence becomes one MENTIONS relationship per document that names it. */
	static List<Relation> mentions(SeedModel seed) {
		List<Relation> mentions = new ArrayList<>();
		for (Entity entity : seed.entities()) {
			Map<String, List<Evidence>> byDoc = entity.evidence()
				.stream()
				.collect(Collectors.groupingBy(Evidence::documentId, TreeMap::new, Collectors.toList()));
			byDoc.forEach((doc, evidence) -> mentions.add(new Relation(RelType.MENTIONS, Kind.DOCUMENT, doc, entity.kind(),
					entity.id(), evidence, Map.of(), false)));
		}
		return mentions;
	}

	/** The first 64 bits of the SHA-256 of a record: a change detector, stored inline as a long. */
	static long hash(String text) {
		try {
			return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
				.getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Says what a load is doing: each phase as it starts (debug), and while a phase runs, how far it got and
	 * how fast, at most once per {@link #INTERVAL} (info), so that only long loads print progress.
	 */
	private static final class Progress {

		private static final long INTERVAL = TimeUnit.SECONDS.toNanos(10);

		private String phase;

		private long total;

		private long done;

		private long started;

		private long lastLog;

		private boolean reported;

		synchronized void phase(String name, long records) {
			done();
			phase = name;
			total = records;
			done = 0;
			started = lastLog = System.nanoTime();
			reported = false;
			log.debug("Seed load: %s, %,d to go".formatted(name, records));
		}

		synchronized void advance(int count) {
			done += count;
			long now = System.nanoTime();
			if (now - lastLog >= INTERVAL) {
				lastLog = now;
				reported = true;
				log.info("Seed load: %s %,d of %,d (%d%%), %,.0f/s".formatted(phase, done, total,
						total == 0 ? 100 : done * 100 / total, rate(now)));
			}
		}

		/** Ends the current phase: at info when progress was printed for it, else at debug. */
		synchronized void done() {
			if (phase == null) {
				return;
			}
			long now = System.nanoTime();
			String line = "Seed load: %s done, %,d in %.1f s (%,.0f/s)".formatted(phase, done, (now - started) / 1e9,
					rate(now));
			if (reported) {
				log.info(line);
			}
			else {
				log.debug(line);
			}
			phase = null;
		}

		private double rate(long now) {
			return now == started ? 0 : done * 1e9 / (now - started);
		}

	}

}
