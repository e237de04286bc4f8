package cn.landscape.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.landscape.LandscapeProperties;
import cn.landscape.evidence.Evidence;

/** One entity with its properties, their evidence, where the documents name it, and every relationship. */
@Component
@Transactional(readOnly = true)
public class EntityQueries {

	/** Loader bookkeeping and evidence, not facts. */
	private static final Set<String> INTERNAL = Set.of("id", "name", "nameEn", "aliases", "keys", "seedHash",
			"curated", "key");

	public static final String ENTITY = """
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

	private final Neo4jClient client;

	private final int maxRows;

	EntityQueries(Neo4jClient client, LandscapeProperties properties) {
		this.client = client;
		this.maxRows = properties.query().maxRows();
	}

	public record Relationship(String direction, String type, NodeRef other, Map<String, Object> properties,
			List<Evidence> evidence, boolean curated) {
	}

	public record EntityAnswer(String id, String kind, String ref, String name, String nameEn, List<String> aliases,
			Map<String, Object> properties, Map<String, List<Evidence>> propertyEvidence, List<String> curated,
			List<Evidence> mentions, List<Relationship> relationships, long relationshipCount, boolean truncated) {
	}

	public EntityAnswer entity(NodeRef node) {
		String label = Kind.fromKey(node.kind()).orElseThrow().label();
		return client.query(ENTITY)
			.bindAll(Map.of("id", node.id(), "label", label, "maxRows", maxRows))
			.fetchAs(EntityAnswer.class)
			.mappedBy((types, r) -> answer(node, r))
			.one()
			.orElseThrow();
	}

	private static EntityAnswer answer(NodeRef ref, Record r) {
		Value n = r.get("n");
		Map<String, Object> properties = new LinkedHashMap<>();
		n.asMap().forEach((key, value) -> {
			if (!INTERNAL.contains(key) && !Evidence.STORED.contains(key)) {
				properties.put(key, value);
			}
		});
		List<Relationship> relationships = r.get("rels").asList(rel -> {
			Value stored = rel.get("rel");
			Map<String, Object> props = new LinkedHashMap<>();
			stored.asMap().forEach((key, value) -> {
				if (!INTERNAL.contains(key) && !Evidence.STORED.contains(key)) {
					props.put(key, value);
				}
			});
			return new Relationship(rel.get("out").asBoolean() ? "out" : "in", rel.get("type").asString(),
					NodeRef.of(rel.get("other")), props, Evidence.read(stored), stored.get("curated").asBoolean(false));
		});
		List<Evidence> mentions = r.get("mentions").asList(Evidence::read).stream().flatMap(List::stream).toList();
		long relCount = r.get("relCount").asLong();
		return new EntityAnswer(ref.id(), ref.kind(), ref.ref(), ref.name(), ref.nameEn(),
				n.get("aliases").asList(Value::asString, List.of()), properties, Evidence.readByProperty(n.asMap()),
				n.get("curated").asList(Value::asString, List.of()), mentions, relationships, relCount,
				relCount > relationships.size());
	}

}
