package cn.landscape.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lookups behind {@link Refs}. What was found is cached (emptied by every seed load); what was not
 * found never is.
 */
@Component
@Transactional(readOnly = true)
class RefQueries {

	private static final String BY_KEY = """
			CALL db.index.fulltext.queryNodes('entity_keys', $key, {limit: 20}) YIELD node
			WITH node WHERE $label IS NULL OR $label IN labels(node)
			RETURN %s AS n
			""".formatted(NodeRef.project("node"));

	private static final String BY_ID = """
			MATCH (node:Entity {id: $id}) WHERE $label IN labels(node)
			RETURN %s AS n
			""".formatted(NodeRef.project("node"));

	private static final String SUGGEST = """
			CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: 5}) YIELD node
			WITH node WHERE $label IS NULL OR $label IN labels(node)
			RETURN node.name + coalesce(' (' + node.nameEn + ')', '') AS suggestion
			""";

	private final Neo4jClient client;

	RefQueries(Neo4jClient client) {
		this.client = client;
	}

	Optional<NodeRef> byId(String id, Kind kind) {
		return client.query(BY_ID)
			.bindAll(Map.of("id", id, "label", kind.label()))
			.fetchAs(NodeRef.class)
			.mappedBy((types, r) -> NodeRef.of(r.get("n")))
			.first();
	}

	/** Entities whose id, name, English name or alias is {@code normalized} exactly. */
	@Cacheable(cacheNames = "refs", unless = "#result.isEmpty()")
	List<NodeRef> byKey(String normalized, Kind expected) {
		Map<String, Object> params = new HashMap<>();
		params.put("key", Lucene.exactKey(normalized));
		params.put("label", expected == null ? null : expected.label());
		return List.copyOf(client.query(BY_KEY).bindAll(params).fetchAs(NodeRef.class)
			.mappedBy((types, r) -> NodeRef.of(r.get("n"))).all());
	}

	List<String> suggestions(String query, Kind expected) {
		Map<String, Object> params = new HashMap<>();
		params.put("query", query);
		params.put("label", expected == null ? null : expected.label());
		return List.copyOf(client.query(SUGGEST).bindAll(params).fetchAs(String.class)
			.mappedBy((types, r) -> r.get("suggestion").asString()).all());
	}

}
