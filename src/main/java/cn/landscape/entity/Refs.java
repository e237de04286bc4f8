package cn.landscape.entity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.landscape.web.BadParameterException;
import cn.landscape.web.NotFoundException;

/**
 * Resolves what a user typed for an entity: its id, {@code kind:id}, its Chinese or English name or an
 * alias, in any case and spacing. An unknown reference is a 404 that suggests the closest names.
 */
@Component
public class Refs {

	private final RefQueries queries;

	Refs(RefQueries queries) {
		this.queries = queries;
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
		int colon = ref.indexOf(':');
		if (colon > 0) {
			Optional<Kind> kind = Kind.fromKey(ref.substring(0, colon));
			if (kind.isPresent() && (expected == null || expected == kind.get())) {
				Optional<NodeRef> byId = queries.byId(ref.substring(colon + 1).trim(), kind.get());
				if (byId.isPresent()) {
					return byId;
				}
			}
		}
		String normalized = Names.normalize(ref);
		return queries.byKey(normalized, expected)
			.stream()
			.min(Comparator.comparing((NodeRef n) -> !n.id().equals(normalized))
				.thenComparing(n -> !Names.normalize(n.name()).equals(normalized))
				.thenComparing(n -> Kind.fromKey(n.kind()).map(Enum::ordinal).orElse(99)));
	}

	private List<String> suggestions(String ref, Kind expected) {
		String query = Lucene.searchQuery(ref).replace(" AND ", " OR ");
		return query.isBlank() ? List.of() : queries.suggestions(query, expected);
	}

}
