package cn.landscape.evidence;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads {@link DerivedText} from the graph's Document nodes. Cached like every answer (a seed load empties
 * the caches), so that marking each evidence entry of an answer costs a map lookup.
 */
@Component
@Transactional(readOnly = true)
class DerivedDocuments {

	private static final String DERIVED = """
			MATCH (d:Document) WHERE d.derivedFrom IS NOT NULL OR d.derivedSections IS NOT NULL
			RETURN d.id AS id, d.derivedFrom AS source, coalesce(d.derivedSections, []) AS sections
			""";

	private final Neo4jClient client;

	DerivedDocuments(Neo4jClient client) {
		this.client = client;
	}

	@Cacheable("derived-text")
	public DerivedText current() {
		Map<String, String> sources = new HashMap<>();
		Map<String, Set<String>> sections = new HashMap<>();
		client.query(DERIVED).fetch().all().forEach(row -> {
			String id = (String) row.get("id");
			if (row.get("source") instanceof String source) {
				sources.put(id, source);
			}
			if (row.get("sections") instanceof Iterable<?> names) {
				Set<String> set = new LinkedHashSet<>();
				names.forEach(name -> set.add(String.valueOf(name)));
				if (!set.isEmpty()) {
					sections.put(id, set);
				}
			}
		});
		return new DerivedText(sources, sections);
	}

}
