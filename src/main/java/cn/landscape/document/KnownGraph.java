package cn.landscape.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel;

/**
 * What extraction knows of the graph: every entity with its names and aliases, which entities are
 * connected (to decide shared aliases by context), and which facts already exist (not proposed again).
 */
final class KnownGraph {

	/** An entity and every name it is written under. */
	record Known(String ref, Kind kind, String id, String name, List<String> names) {
	}

	private final Map<String, Known> byRef = new HashMap<>();

	private final Map<String, Set<String>> neighbours = new HashMap<>();

	private final Set<String> facts = new HashSet<>();

	private KnownGraph() {
	}

	static KnownGraph of(SeedModel seed) {
		return of(seed.entities(), seed.relations());
	}

	static KnownGraph of(List<SeedModel.Entity> entities, List<SeedModel.Relation> relations) {
		KnownGraph graph = new KnownGraph();
		for (SeedModel.Entity e : entities) {
			if (e.kind() == Kind.DOCUMENT) {
				continue;
			}
			Set<String> names = new LinkedHashSet<>();
			names.add(e.name());
			if (e.nameEn() != null) {
				names.add(e.nameEn());
			}
			names.addAll(e.aliases());
			graph.byRef.put(e.ref(), new Known(e.ref(), e.kind(), e.id(), e.name(), new ArrayList<>(names)));
		}
		for (SeedModel.Relation r : relations) {
			graph.facts.add(r.key());
			graph.neighbours.computeIfAbsent(r.fromRef(), k -> new HashSet<>()).add(r.toRef());
			graph.neighbours.computeIfAbsent(r.toRef(), k -> new HashSet<>()).add(r.fromRef());
		}
		return graph;
	}

	Iterable<Known> entities() {
		return byRef.values();
	}

	Known get(String ref) {
		return byRef.get(ref);
	}

	boolean connected(String a, String b) {
		return neighbours.getOrDefault(a, Set.of()).contains(b);
	}

	boolean hasFact(String fromRef, String type, String toRef) {
		return facts.contains(fromRef + "|" + type + "|" + toRef);
	}

}
