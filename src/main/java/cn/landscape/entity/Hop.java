package cn.landscape.entity;

import java.util.List;

import org.neo4j.driver.Value;

import cn.landscape.evidence.Evidence;

/** One relationship on a path, in the direction it is stored, with its evidence. */
public record Hop(NodeRef from, String type, NodeRef to, List<Evidence> evidence, boolean curated) {

	/** Cypher that yields what {@link #of(Value)} reads, for a relationship variable {@code r}. */
	public static String project(String r) {
		return "{from: %2$s, type: type(%1$s), to: %3$s, rel: %1$s}".formatted(r,
				NodeRef.project("startNode(" + r + ")"), NodeRef.project("endNode(" + r + ")"));
	}

	public static Hop of(Value value) {
		Value rel = value.get("rel");
		return new Hop(NodeRef.of(value.get("from")), value.get("type").asString(), NodeRef.of(value.get("to")),
				Evidence.read(rel), rel.get("curated").asBoolean(false));
	}

	public static List<Hop> path(Value hops) {
		return hops.asList(Hop::of);
	}

}
