package cn.landscape.catalog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.landscape.seed.SeedLoadListener;
import cn.landscape.seed.SeedReader;
import cn.landscape.web.BadParameterException;
import cn.landscape.web.NotFoundException;

/**
 * Resolves what a user typed for an entity: its id, {@code kind:id}, its Chinese or English name or an
 * alias, in any case and spacing. An unknown reference is a 404 that suggests the closest names.
 * <p>
 * Found references are cached: the graph changes only through the seed loader, which clears the cache
 * after every load; entries also expire after a minute, for a database another process may load. What
 * was not found is never cached.
 */
@Component
public class Refs implements SeedLoadListener {

	private final AnswerCache<String, NodeRef> cache = new AnswerCache<>(10_000);

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

	private final Reads reads;

	Refs(Reads reads) {
		this.reads = reads;
	}

	/** @param expected the kind the answer must have, or null for any. */
	public NodeRef resolve(String parameter, String ref, Kind expected) {
		if (ref == null || ref.isBlank()) {
			throw new BadParameterException(parameter, "is required: an id, a name or an alias");
		}
		if (ref.length() > 200) {
			throw new BadParameterException(parameter, "is longer than 200 characters");
		}
		return find(ref, expected).orElseThrow(() -> new NotFoundException(
				expected == null ? "entity" : expected.key(), ref, suggestions(ref, expected)));
	}

	public Optional<NodeRef> find(String ref, Kind expected) {
		String key = (expected == null ? "" : expected.key()) + "\u0000" + ref;
		return Optional.ofNullable(cache.get(key, () -> lookUp(ref, expected).orElse(null)));
	}

	@Override
	public void seedLoaded() {
		cache.clear();
	}

	private Optional<NodeRef> lookUp(String ref, Kind expected) {
		int colon = ref.indexOf(':');
		if (colon > 0) {
			Optional<Kind> kind = Kind.fromKey(ref.substring(0, colon));
			if (kind.isPresent() && (expected == null || expected == kind.get())) {
				Map<String, Object> params = Map.of("id", ref.substring(colon + 1).trim(), "label", kind.get().label());
				Optional<NodeRef> byId = reads.one(BY_ID, params, r -> NodeRef.of(r.get("n")));
				if (byId.isPresent()) {
					return byId;
				}
			}
		}
		String normalized = SeedReader.normalize(ref);
		Map<String, Object> params = new HashMap<>();
		params.put("key", Lucene.exactKey(normalized));
		params.put("label", expected == null ? null : expected.label());
		List<NodeRef> matches = reads.list(BY_KEY, params, r -> NodeRef.of(r.get("n")));
		return matches.stream()
			.min(Comparator.comparing((NodeRef n) -> !n.id().equals(normalized))
				.thenComparing(n -> !SeedReader.normalize(n.name()).equals(normalized))
				.thenComparing(n -> Kind.fromKey(n.kind()).map(Enum::ordinal).orElse(99)));
	}

	private List<String> suggestions(String ref, Kind expected) {
		String query = Lucene.searchQuery(ref).replace(" AND ", " OR ");
		if (query.isBlank()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("query", query);
		params.put("label", expected == null ? null : expected.label());
		return reads.list(SUGGEST, params, r -> r.get("suggestion").asString());
	}

}
