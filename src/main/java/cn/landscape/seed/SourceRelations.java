package cn.landscape.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.landscape.entity.RelType;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Relation;

/**
 * The relationships while the sources are read: the seed's, and those the rows state. A fact several rows or
 * sources state is one relationship with every row as its evidence; a relationship's properties are the first
 * row's (the sources are read in their rank).
 */
final class SourceRelations {

	private final Map<String, Relation> relations = new LinkedHashMap<>();

	private final Map<String, List<Evidence>> added = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> addedProps = new LinkedHashMap<>();

	SourceRelations(List<Relation> seed) {
		seed.forEach(r -> relations.put(r.key(), r));
	}

	/** Adds a row's fact: a new relationship, or one more row of evidence for one already there. */
	void add(RelType type, SourceDraft from, SourceDraft to, Evidence evidence, Map<String, Object> props) {
		String key = Relation.key(from.kind, from.id, type.name(), to.kind, to.id);
		if (!relations.containsKey(key)) {
			addedProps.putIfAbsent(key, Map.copyOf(props));
			relations.put(key, new Relation(type, from.kind, from.id, to.kind, to.id, List.of(), Map.of(), false));
		}
		List<Evidence> list = added.computeIfAbsent(key, k -> new ArrayList<>());
		if (!list.contains(evidence)) {
			list.add(evidence);
		}
	}

	int count(String source) {
		return (int) added.values().stream().filter(l -> l.stream().anyMatch(e -> source.equals(e.documentId()))).count();
	}

	List<Relation> build() {
		return relations.values().stream().map(r -> {
			List<Evidence> rows = added.get(r.key());
			if (rows == null) {
				return r;
			}
			List<Evidence> evidence = new ArrayList<>(r.evidence());
			evidence.addAll(rows);
			Map<String, Object> props = new LinkedHashMap<>(addedProps.getOrDefault(r.key(), Map.of()));
			props.putAll(r.props());
			return new Relation(r.type(), r.fromKind(), r.fromId(), r.toKind(), r.toId(), List.copyOf(evidence), props,
					r.curated());
		}).toList();
	}

}
