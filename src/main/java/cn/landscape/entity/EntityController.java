package cn.landscape.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.catalog.Evidence;
import cn.landscape.catalog.NodeRef;
import cn.landscape.catalog.Reads;
import cn.landscape.catalog.Refs;

/** One entity with its properties, their evidence, and every relationship in and out. */
@RestController
@Tag(name = "Entities")
class EntityController {

	/** Loader bookkeeping, not facts. */
	private static final Set<String> INTERNAL = Set.of("id", "name", "nameEn", "aliases", "keys", "seedHash",
			"propEvidence", "curated");

	private static final TypeReference<Map<String, List<Map<String, String>>>> EVIDENCE_JSON = new TypeReference<>() {
	};

	private static final String ENTITY = """
			MATCH (n:Entity {id: $id}) WHERE $label IN labels(n)
			CALL (n) {
			  MATCH (n)-[r]-(o) WHERE type(r) <> 'MENTIONS'
			  WITH r, o ORDER BY type(r), o.id LIMIT $maxRows
			  RETURN collect({out: startNode(r) = n, type: type(r), other: %s, rel: r}) AS rels
			}
			CALL (n) {
			  OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(n)
			  RETURN collect(m) AS mentions
			}
			RETURN n, rels, mentions, COUNT { (n)-[r]-() WHERE type(r) <> 'MENTIONS' } AS relCount
			""".formatted(NodeRef.project("o"));

	private final Reads reads;

	private final Refs refs;

	private final JsonMapper json;

	EntityController(Reads reads, Refs refs, JsonMapper json) {
		this.reads = reads;
		this.refs = refs;
		this.json = json;
	}

	record Relationship(String direction, String type, NodeRef other, Map<String, Object> properties,
			List<Evidence> evidence, boolean curated) {
	}

	record EntityAnswer(String id, String kind, String ref, String name, String nameEn, List<String> aliases,
			Map<String, Object> properties, Map<String, List<Evidence>> propertyEvidence, List<String> curated,
			List<Evidence> mentions, List<Relationship> relationships, long relationshipCount, boolean truncated) {
	}

	@GetMapping("/api/entities/{ref}")
	@Operation(summary = "An entity: its properties with their evidence, where the documents name it, and every relationship in and out with the other end and the evidence")
	EntityAnswer entity(@Parameter(description = "Id, kind:id, name or alias", example = "iflytek") @PathVariable String ref) {
		NodeRef node = refs.resolve("ref", ref, null);
		String label = cn.landscape.catalog.Kind.fromKey(node.kind()).orElseThrow().label();
		return reads.one(ENTITY, Map.of("id", node.id(), "label", label, "maxRows", reads.maxRows()), r -> answer(node, r))
			.orElseThrow();
	}

	private EntityAnswer answer(NodeRef ref, Record r) {
		Value n = r.get("n");
		Map<String, Object> properties = new LinkedHashMap<>();
		n.asMap().forEach((key, value) -> {
			if (!INTERNAL.contains(key)) {
				properties.put(key, value);
			}
		});
		Map<String, List<Evidence>> propertyEvidence = new LinkedHashMap<>();
		if (!n.get("propEvidence").isNull()) {
			json.readValue(n.get("propEvidence").asString(), EVIDENCE_JSON)
				.forEach((key, list) -> propertyEvidence.put(key, list.stream()
					.map(e -> new Evidence(e.get("doc"), e.get("quote"), e.get("section")))
					.toList()));
		}
		List<Relationship> relationships = r.get("rels").asList(rel -> {
			Value stored = rel.get("rel");
			Map<String, Object> props = new LinkedHashMap<>();
			stored.asMap().forEach((key, value) -> {
				if (!key.startsWith("evidence") && !Set.of("key", "seedHash", "curated").contains(key)) {
					props.put(key, value);
				}
			});
			return new Relationship(rel.get("out").asBoolean() ? "out" : "in", rel.get("type").asString(),
					NodeRef.of(rel.get("other")), props, Evidence.of(stored), stored.get("curated").asBoolean(false));
		});
		List<Evidence> mentions = r.get("mentions").asList(Evidence::of).stream().flatMap(List::stream).toList();
		long relCount = r.get("relCount").asLong();
		return new EntityAnswer(ref.id(), ref.kind(), ref.ref(), ref.name(), ref.nameEn(),
				n.get("aliases").asList(Value::asString, List.of()), properties, propertyEvidence,
				n.get("curated").asList(Value::asString, List.of()), mentions, relationships, relCount,
				relCount > relationships.size());
	}

}
