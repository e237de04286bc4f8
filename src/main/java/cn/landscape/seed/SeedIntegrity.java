package cn.landscape.seed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Relation;

/**
 * The stored graph against the seed: what is missing, stored otherwise, or stored without the seed holding
 * it. The loader removes the extras before it writes; the integrity check reports all of them without writing.
 */
final class SeedIntegrity {

	private SeedIntegrity() {
	}

	/**
	 * Stored nodes that are not the seed's: an id the seed does not hold, or labels other than exactly the
	 * kind's and Entity. Every node but the loader's own SeedState is looked at, whatever its labels.
	 */
	static List<String> extraNodes(Session session, List<Entity> entities) {
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
	static List<String> extraRelationships(Session session, List<Relation> relations) {
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
	static SeedLoader.Integrity check(Driver driver, SessionConfig sessions, SeedModel seed) {
		List<Relation> relations = SeedRows.distinct(seed.relations(), SeedRows.mentions(seed));
		try (Session session = driver.session(sessions)) {
			List<String> missing = new ArrayList<>();
			List<String> different = new ArrayList<>();
			Map<Kind, List<Entity>> byKind = seed.entities().stream()
				.collect(Collectors.groupingBy(Entity::kind, () -> new EnumMap<>(Kind.class), Collectors.toList()));
			byKind.forEach((kind, entities) -> compare(session, """
					UNWIND $rows AS row
					OPTIONAL MATCH (n:`%s` {id: row.id})
					RETURN row.id AS id, n IS NULL AS missing, %s AS same
					""".formatted(kind.label(), SeedRows.SAME_NODE), entities.stream().map(SeedRows::nodeRow).toList(),
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
						""".formatted(first.fromKind().label(), first.type().name(), first.toKind().label(), SeedRows.SAME_RELATIONSHIP),
						rels.stream().map(SeedRows::relationshipRow).toList(), id -> byKey.get(id).key(), missing, different);
			});
			return new SeedLoader.Integrity(missing, different, extraNodes(session, seed.entities()).size(),
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

}
