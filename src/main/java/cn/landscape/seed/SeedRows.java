package cn.landscape.seed;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import cn.landscape.entity.Kind;
import cn.landscape.entity.Names;
import cn.landscape.entity.RelType;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Relation;

/**
 * What the loader writes for each node and relationship of the seed, in one place: the stored properties
 * (values, keys, evidence, curated marks and a hash of the whole row), the rows that compare the store with the
 * seed, and the MENTIONS that each entity's evidence becomes.
 */
final class SeedRows {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** A stored node equals its row when its labels are exactly its kind's and Entity and its properties are the row's. */
	static final String SAME_NODE = "coalesce(n:Entity AND size(labels(n)) = 2 AND properties(n) = row.props, false)";

	/** A stored relationship equals its row when its properties are the row's (type and ends are how it was found). */
	static final String SAME_RELATIONSHIP = "coalesce(properties(r) = row.props, false)";

	private SeedRows() {
	}

	static Map<String, Object> nodeCheckRow(Entity entity) {
		Map<String, Object> row = new HashMap<>(nodeRow(entity));
		row.put("label", entity.kind().label());
		row.put("key", entity.ref());
		return row;
	}

	static Map<String, Object> relationshipCheckRow(Relation relation) {
		Map<String, Object> row = new HashMap<>(relationshipRow(relation));
		row.put("fromLabel", relation.fromKind().label());
		row.put("toLabel", relation.toKind().label());
		row.put("type", relation.type().name());
		row.put("key", relation.key());
		return row;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> props(Map<String, Object> row) {
		return (Map<String, Object>) row.get("props");
	}

	/** As Cypher's {@code SET n = map} stores them: integers as long, lists as arrays. */
	static void setProperties(org.neo4j.graphdb.Entity entity, Map<String, Object> props) {
		props.forEach((key, value) -> {
			if (value != null) {
				entity.setProperty(key, stored(value));
			}
		});
	}

	static Object stored(Object value) {
		if (value instanceof List<?> list) {
			if (!list.isEmpty() && list.stream().allMatch(v -> v instanceof Boolean)) {
				boolean[] array = new boolean[list.size()];
				for (int i = 0; i < array.length; i++) {
					array[i] = (Boolean) list.get(i);
				}
				return array;
			}
			if (!list.isEmpty() && list.stream().allMatch(v -> v instanceof Number)) {
				if (list.stream().allMatch(SeedRows::integral)) {
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

	static boolean integral(Object number) {
		return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
				|| number instanceof java.math.BigInteger;
	}

	/** The seed's relations and the loader's MENTIONS, one per key (the last record of a key wins). */
	static List<Relation> distinct(List<Relation> relations, List<Relation> mentions) {
		Map<String, Relation> byKey = new LinkedHashMap<>(2 * (relations.size() + mentions.size()));
		relations.forEach(r -> byKey.put(r.key(), r));
		mentions.forEach(r -> byKey.put(r.key(), r));
		return byKey.size() == relations.size() + mentions.size() ? concat(relations, mentions)
				: new ArrayList<>(byKey.values());
	}

	static List<Relation> concat(List<Relation> a, List<Relation> b) {
		List<Relation> all = new ArrayList<>(a.size() + b.size());
		all.addAll(a);
		all.addAll(b);
		return all;
	}

	static Map<String, Object> nodeRow(Entity entity) {
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

	static Map<String, Object> relationshipRow(Relation relation) {
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
		return ByteBuffer.wrap(SeedFiles.sha256(text)).getLong();
	}

}
