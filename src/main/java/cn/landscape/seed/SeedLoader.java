package cn.landscape.seed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import cn.landscape.LandscapeProperties;
import cn.landscape.catalog.Kind;
import cn.landscape.catalog.RelType;
import cn.landscape.seed.LoadReport.Counts;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Evidence;
import cn.landscape.seed.SeedModel.Relation;

/**
 * Writes a validated seed with batched UNWIND … MERGE, one transaction per batch. Idempotent: each
 * node and relationship carries the hash of what the seed says about it and is only written when that
 * changes; whatever the seed no longer holds is removed.
 */
@Component
public class SeedLoader {

	private static final Log log = LogFactory.getLog(SeedLoader.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Driver driver;

	private final int batchSize;

	public SeedLoader(Driver driver, LandscapeProperties properties) {
		this.driver = driver;
		this.batchSize = properties.seed().batchSize();
	}

	/** Loads unless the stored seed hash equals this seed's (and {@code force} is false). */
	public LoadReport load(SeedModel seed, boolean force) {
		try (Session session = driver.session()) {
			if (!force) {
				String stored = session
					.run("OPTIONAL MATCH (s:SeedState {id: 'seed'}) RETURN s.hash AS hash")
					.single()
					.get("hash")
					.asString(null);
				if (seed.hash().equals(stored)) {
					return new LoadReport(new Counts(0, 0, 0, 0), new Counts(0, 0, 0, 0), 0, true);
				}
			}
			long start = System.nanoTime();
			List<Relation> relations = new ArrayList<>(seed.relations());
			relations.addAll(mentions(seed));
			Progress progress = new Progress(seed.entities().size() + relations.size());
			Counts nodes = writeNodes(session, seed.entities(), progress);
			Counts relationships = writeRelationships(session, relations, progress);
			session.run("MERGE (s:SeedState {id: 'seed'}) SET s.hash = $hash, s.loadedAt = datetime()",
					Map.of("hash", seed.hash())).consume();
			LoadReport report = new LoadReport(nodes, relationships, (System.nanoTime() - start) / 1_000_000, false);
			log.info("Seed loaded: " + report + String.format(" (%.0f nodes+relationships/s)", report.perSecond()));
			return report;
		}
	}

	private Counts writeNodes(Session session, List<Entity> entities, Progress progress) {
		Counts counts = new Counts(0, 0, 0, 0);
		Map<Kind, List<Entity>> byKind = entities.stream()
			.collect(Collectors.groupingBy(Entity::kind, () -> new TreeMap<>(), Collectors.toList()));
		for (Kind kind : Kind.values()) {
			List<Entity> ofKind = byKind.getOrDefault(kind, List.of());
			String merge = """
					UNWIND $rows AS row
					MERGE (n:`%s` {id: row.id})
					WITH n, row, n.seedHash AS old
					FOREACH (_ IN CASE WHEN old IS NULL OR old <> row.hash THEN [1] ELSE [] END |
					  SET n = row.props, n:Entity)
					RETURN count(CASE WHEN old IS NULL THEN 1 END) AS created,
					       count(CASE WHEN old IS NOT NULL AND old <> row.hash THEN 1 END) AS updated,
					       count(CASE WHEN old = row.hash THEN 1 END) AS unchanged
					""".formatted(kind.label());
			counts = counts.plus(batches(session, merge, ofKind.stream().map(this::nodeRow).toList(), progress));
		}
		List<String> refs = entities.stream().map(e -> e.kind().label() + ":" + e.id()).toList();
		long removed = session.executeWrite(tx -> tx.run("""
				MATCH (n:Entity) WHERE NOT ([l IN labels(n) WHERE l <> 'Entity'][0] + ':' + n.id) IN $refs
				DETACH DELETE n RETURN count(*) AS removed
				""", Map.of("refs", refs)).single().get("removed").asLong());
		return counts.plus(new Counts(0, 0, 0, removed));
	}

	private Counts writeRelationships(Session session, List<Relation> all, Progress progress) {
		Map<RelType, List<Relation>> byType = all.stream()
			.collect(Collectors.groupingBy(Relation::type, () -> new java.util.EnumMap<>(RelType.class), Collectors.toList()));
		Counts counts = new Counts(0, 0, 0, 0);
		// One statement per type (a type cannot be a parameter); the ends are found through the Entity id
		// index and their kind, so that one statement serves every pair of kinds.
		for (Map.Entry<RelType, List<Relation>> group : byType.entrySet()) {
			String merge = """
					UNWIND $rows AS row
					MATCH (a:Entity {id: row.from}) WHERE row.fromLabel IN labels(a)
					MATCH (b:Entity {id: row.to}) WHERE row.toLabel IN labels(b)
					MERGE (a)-[r:`%s`]->(b)
					WITH r, row, r.seedHash AS old
					FOREACH (_ IN CASE WHEN old IS NULL OR old <> row.hash THEN [1] ELSE [] END | SET r = row.props)
					RETURN count(CASE WHEN old IS NULL THEN 1 END) AS created,
					       count(CASE WHEN old IS NOT NULL AND old <> row.hash THEN 1 END) AS updated,
					       count(CASE WHEN old = row.hash THEN 1 END) AS unchanged
					""".formatted(group.getKey().name());
			counts = counts.plus(batches(session, merge, group.getValue().stream().map(this::relationshipRow).toList(), progress));
		}
		List<String> keys = all.stream().map(Relation::key).toList();
		long removed = session.executeWrite(tx -> tx.run("""
				MATCH (:Entity)-[r]->(:Entity) WHERE NOT r.key IN $keys
				DELETE r RETURN count(*) AS removed
				""", Map.of("keys", keys)).single().get("removed").asLong());
		return counts.plus(new Counts(0, 0, 0, removed));
	}

	private Counts batches(Session session, String cypher, List<Map<String, Object>> rows, Progress progress) {
		Counts counts = new Counts(0, 0, 0, 0);
		for (int from = 0; from < rows.size(); from += batchSize) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
			Record result = session.executeWrite(tx -> tx.run(cypher, Map.of("rows", batch)).single());
			counts = counts.plus(new Counts(result.get("created").asLong(), result.get("updated").asLong(),
					result.get("unchanged").asLong(), 0));
			progress.advance(batch.size());
		}
		return counts;
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
		keys.add(SeedReader.normalize(entity.id()));
		keys.add(SeedReader.normalize(entity.name()));
		if (entity.nameEn() != null) {
			keys.add(SeedReader.normalize(entity.nameEn()));
		}
		entity.aliases().forEach(a -> keys.add(SeedReader.normalize(a)));
		props.put("keys", List.copyOf(keys));
		Map<String, List<Evidence>> propEvidence = new TreeMap<>();
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
			if (fact.evidence().isEmpty()) {
				if (entity.kind() != Kind.DOCUMENT) {
					curated.add(key);
				}
			}
			else {
				propEvidence.put(key, fact.evidence());
			}
		});
		if (!propEvidence.isEmpty()) {
			props.put("propEvidence", JSON.writeValueAsString(propEvidence));
		}
		if (!curated.isEmpty()) {
			props.put("curated", curated);
		}
		String hash = sha256(JSON.writeValueAsString(new TreeMap<>(props)));
		props.put("seedHash", hash);
		return Map.of("id", entity.id(), "hash", hash, "props", props);
	}

	private Map<String, Object> relationshipRow(Relation relation) {
		Map<String, Object> props = new LinkedHashMap<>(relation.props());
		props.put("key", relation.key());
		props.put("evidenceDocs", relation.evidence().stream().map(Evidence::doc).toList());
		props.put("evidenceQuotes", relation.evidence().stream().map(Evidence::quote).toList());
		props.put("evidenceSections",
				relation.evidence().stream().map(e -> e.section() == null ? "" : e.section()).toList());
		if (relation.curated()) {
			props.put("curated", true);
		}
		String hash = sha256(JSON.writeValueAsString(new TreeMap<>(props)));
		props.put("seedHash", hash);
		return Map.of("from", relation.fromId(), "fromLabel", relation.fromKind().label(), "to", relation.toId(),
				"toLabel", relation.toKind().label(), "hash", hash, "props", props);
	}

	/** Each entity's own evidence becomes one MENTIONS relationship per document that names it. */
	static List<Relation> mentions(SeedModel seed) {
		List<Relation> mentions = new ArrayList<>();
		for (Entity entity : seed.entities()) {
			Map<String, List<Evidence>> byDoc = entity.evidence()
				.stream()
				.collect(Collectors.groupingBy(Evidence::doc, TreeMap::new, Collectors.toList()));
			byDoc.forEach((doc, evidence) -> mentions.add(new Relation(RelType.MENTIONS, Kind.DOCUMENT, doc, entity.kind(),
					entity.id(), evidence, Map.of(), false)));
		}
		return mentions;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Logs progress every tenth of a long load; silent for small seeds. */
	private static final class Progress {

		private static final int LOG_FROM = 50_000;

		private final long total;

		private long done;

		private long nextLog;

		Progress(long total) {
			this.total = total;
			this.nextLog = total / 10;
		}

		void advance(int count) {
			done += count;
			if (total >= LOG_FROM && done >= nextLog) {
				log.info(String.format("Seed load: %d of %d records (%d%%)", done, total, done * 100 / total));
				nextLog += total / 10;
			}
		}

	}

}
