package cn.landscape.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.catalog.Kind;
import cn.landscape.catalog.Lucene;
import cn.landscape.catalog.NodeRef;
import cn.landscape.catalog.Reads;
import cn.landscape.seed.SeedReader;
import cn.landscape.web.BadParameterException;

/** Ranked full-text search over names, English names and aliases. */
@RestController
@Tag(name = "Search")
class SearchController {

	private static final int MAX_QUERY = 200;

	private static final int MAX_LIMIT = 100;

	private static final String SEARCH = """
			CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $fetch}) YIELD node, score
			WITH node, score WHERE $label IS NULL OR $label IN labels(node)
			RETURN %s AS n, score
			ORDER BY $key IN node.keys DESC, score DESC, node.id
			LIMIT $limit
			""".formatted(NodeRef.project("node"));

	// A single character is below the analyzer's bigrams; the name text indexes answer it.
	private static final String CONTAINS = """
			MATCH (node:Entity)
			WHERE (node.name CONTAINS $text OR node.nameEn CONTAINS $text) AND ($label IS NULL OR $label IN labels(node))
			RETURN %s AS n, 0.0 AS score
			ORDER BY size(node.name), node.id
			LIMIT $limit
			""".formatted(NodeRef.project("node"));

	private final Reads reads;

	SearchController(Reads reads) {
		this.reads = reads;
	}

	record Hit(String id, String kind, String ref, String name, String nameEn, double score) {
	}

	record SearchAnswer(String query, String kind, List<Hit> results) {
	}

	@GetMapping("/api/search")
	@Operation(summary = "Find entities by a Chinese or English name, fragment or alias, ranked",
			description = "Two Chinese characters (星火, 昇腾) or an English word (Spark, ERNIE, Qwen, Ascend) find their entity; Lucene syntax is taken as plain text.")
	SearchAnswer search(
			@Parameter(description = "Text to find, 1 to 200 characters", example = "星火") @RequestParam(required = false) String q,
			@Parameter(description = "Only this kind: vendor, model, chip, policy, region, industry, application, body, person, facility, dataset, technology, figure, document", example = "model") @RequestParam(required = false) String kind,
			@Parameter(description = "At most this many results, 1 to 100", example = "10") @RequestParam(required = false) Integer limit) {
		if (q == null || q.isBlank()) {
			throw new BadParameterException("q", "is required: the text to search for");
		}
		if (q.length() > MAX_QUERY) {
			throw new BadParameterException("q", "is longer than " + MAX_QUERY + " characters");
		}
		int size = BadParameterException.range("limit", limit, 10, 1, MAX_LIMIT);
		Kind only = null;
		if (kind != null && !kind.isBlank()) {
			only = Kind.fromKey(kind)
				.orElseThrow(() -> new BadParameterException("kind", "'" + kind + "' is not a kind; use one of "
						+ java.util.Arrays.stream(Kind.values()).map(Kind::key).toList()));
		}
		String text = q.strip();
		Map<String, Object> params = new HashMap<>();
		params.put("label", only == null ? null : only.label());
		params.put("limit", size);
		params.put("fetch", only == null ? size : size * 10);
		params.put("query", Lucene.searchQuery(text));
		params.put("text", text);
		params.put("key", SeedReader.normalize(text));
		List<Hit> hits = text.codePointCount(0, text.length()) < 2 ? List.of() : reads.list(SEARCH, params, SearchController::hit);
		if (hits.isEmpty()) {
			hits = reads.list(CONTAINS, params, SearchController::hit);
		}
		return new SearchAnswer(text, only == null ? null : only.key(), hits);
	}

	private static Hit hit(org.neo4j.driver.Record r) {
		NodeRef n = NodeRef.of(r.get("n"));
		return new Hit(n.id(), n.kind(), n.ref(), n.name(), n.nameEn(), r.get("score").asDouble());
	}

}
