package cn.landscape.entity;

import java.util.List;

import org.neo4j.driver.Value;

import cn.landscape.evidence.Evidence;

/** Another entity linked to the one asked about, with the evidence of that link. */
public record Linked(NodeRef node, List<Evidence> evidence) {

	/** Reads a Cypher list of {@code {node: <NodeRef.project>, rel: <relationship>}} maps. */
	public static List<Linked> list(Value value) {
		return value.asList(v -> new Linked(NodeRef.of(v.get("node")), Evidence.read(v.get("rel"))));
	}

}
