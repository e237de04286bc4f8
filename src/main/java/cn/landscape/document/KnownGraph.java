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

	/**
	 * An entity and every name it is written under. {@code quantity} is a figure's value with its unit as the
	 * documents write it ("15亿元"), null for other kinds: texts name a figure by its number, not by its name.
	 */
	record Known(String ref, Kind kind, String id, String name, List<String> names, String quantity) {
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
			graph.byRef.put(e.ref(), new Known(e.ref(), e.kind(), e.id(), e.name(), new ArrayList<>(names), quantity(e)));
		}
		for (SeedModel.Relation r : relations) {
			graph.facts.add(r.key());
			graph.neighbours.computeIfAbsent(r.fromRef(), k -> new HashSet<>()).add(r.toRef());
			graph.neighbours.computeIfAbsent(r.toRef(), k -> new HashSet<>()).add(r.fromRef());
		}
		return graph;
	}

	private static String quantity(SeedModel.Entity e) {
		SeedModel.Fact value = e.kind() == Kind.FIGURE ? e.props().get("value") : null;
		if (value == null || !(value.value() instanceof Number number)) {
			return null;
		}
		SeedModel.Fact unit = e.props().get("unit");
		String digits = number instanceof Double || number instanceof Float
				? new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString() : number.toString();
		return digits + (unit == null ? "" : String.valueOf(unit.value()));
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
