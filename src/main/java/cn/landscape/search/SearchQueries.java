package cn.landscape.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.landscape.entity.Kind;
import cn.landscape.entity.Lucene;
import cn.landscape.entity.Names;
import cn.landscape.entity.NodeRef;

/** Ranked full-text search over names, English names and aliases. */
@Component
@Transactional(readOnly = true)
public class SearchQueries {

	public static final String SEARCH = """
			CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $fetch}) YIELD node, score
			WITH node, score WHERE $label IS NULL OR $label IN labels(node)
			RETURN %s AS n, score
			ORDER BY $key IN node.keys DESC, score DESC, node.id
			LIMIT $limit
			""".formatted(NodeRef.project("node"));

	// A single character is below the analyzer's bigrams; the name text indexes answer it.
	public static final String CONTAINS = """
			MATCH (node:Entity)
			WHERE (node.name CONTAINS $text OR node.nameEn CONTAINS $text) AND ($label IS NULL OR $label IN labels(node))
			RETURN %s AS n, 0.0 AS score
			ORDER BY size(node.name), node.id
			LIMIT $limit
			""".formatted(NodeRef.project("node"));

	private final Neo4jClient client;

	SearchQueries(Neo4jClient client) {
		this.client = client;
	}

	public record Hit(String id, String kind, String ref, String name, String nameEn, double score) {
	}

	/** Full-text first; a single character, or text the index does not find, by substring of the names. */
	public List<Hit> search(String text, Kind only, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("label", only == null ? null : only.label());
		params.put("limit", limit);
		// ten times the page from the index, so that the exact name ranked first below is among them even where
		// many longer names score higher (Spark 3.0 and Spark V3.5 above 讯飞星火, whose English name is Spark)
		params.put("fetch", limit * 10);
		params.put("query", Lucene.searchQuery(text));
		params.put("text", text);
		params.put("key", Names.normalize(text));
		List<Hit> hits = text.codePointCount(0, text.length()) < 2 ? List.of() : run(SEARCH, params);
		return hits.isEmpty() ? run(CONTAINS, params) : hits;
	}

	private List<Hit> run(String cypher, Map<String, Object> params) {
		return List.copyOf(client.query(cypher).bindAll(params).fetchAs(Hit.class).mappedBy((types, r) -> hit(r)).all());
	}

	private static Hit hit(Record r) {
		NodeRef n = NodeRef.of(r.get("n"));
		return new Hit(n.id(), n.kind(), n.ref(), n.name(), n.nameEn(), r.get("score").asDouble());
	}

}
