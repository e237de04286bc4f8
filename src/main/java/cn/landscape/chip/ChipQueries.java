package cn.landscape.chip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.Hop;
import cn.landscape.entity.Linked;
import cn.landscape.entity.NodeRef;

/**
 * What a model depends on down to the chips, and who is exposed when a chip is cut off. Both questions use
 * the one definition of "depends on a chip" ({@link #DEPENDS}), from either end, so each answers the
 * inverse of the other.
 */
@Component
@Transactional(readOnly = true)
public class ChipQueries {

	/**
	 * What "depends on a chip" means, spelled once: the first variable depends on the chip, the second: a
	 * model, a model it is a version of or based on (up to two steps), or a version of it, runs or trains
	 * on the chip, directly or through a facility it uses, or its vendor runs a facility on the chip; a
	 * vendor through the models and facilities it develops or uses; an application that runs on it. Relying
	 * on a chip series (Ascend) is relying on each chip of it (VERSION_OF the series: Ascend 910, 310).
	 * Bounded everywhere. Variable-length relationships rather than quantified path patterns: Neo4j plans
	 * them in about a third of the time, and a cold plan is what the first user of each question waits for.
	 */
	static final List<String> DEPENDS = List.of(
			"(%1$s:Model)-[:BASED_ON|VERSION_OF*0..2]->(:Model)-[:RUNS_ON|TRAINED_ON]->(:Chip)<-[:VERSION_OF*0..1]-(%2$s:Chip)",
			"(%1$s:Model)<-[:VERSION_OF]-(:Model)-[:RUNS_ON|TRAINED_ON]->(:Chip)<-[:VERSION_OF*0..1]-(%2$s:Chip)",
			"(%1$s:Model)-[:BASED_ON|VERSION_OF*0..2]->(:Model)-[:USES]->(:Facility)-[:RUNS_ON]->(:Chip)<-[:VERSION_OF*0..1]-(%2$s:Chip)",
			"(%1$s:Model)-[:BASED_ON|VERSION_OF*0..2]->(:Model)<-[:DEVELOPS]-(:Vendor)-[:DEVELOPS|USES]->(:Facility)-[:RUNS_ON]->(:Chip)<-[:VERSION_OF*0..1]-(%2$s:Chip)",
			"(%1$s:Vendor)-[:DEVELOPS]->(:Model)-[:RUNS_ON|TRAINED_ON]->(:Chip)<-[:VERSION_OF*0..1]-(%2$s:Chip)",
			"(%1$s:Vendor)-[:DEVELOPS|USES]->(:Facility)-[:RUNS_ON]->(:Chip)<-[:VERSION_OF*0..1]-(%2$s:Chip)",
			"(%1$s:Application)-[:RUNS_ON]->(:Chip)<-[:VERSION_OF*0..1]-(%2$s:Chip)");

	/**
	 * The branches of {@link #DEPENDS} whose dependent has one of the labels, as a UNION, with
	 * {@code dependent} and {@code chip} as the ends' names.
	 */
	static String depends(String dependent, String chip, String returned, Set<String> labels) {
		return DEPENDS.stream()
			.filter(pattern -> labels.stream().anyMatch(label -> pattern.startsWith("(%1$s:" + label + ")")))
			.map(pattern -> "MATCH p = " + pattern.formatted(dependent, chip) + "\nRETURN " + returned)
			.collect(Collectors.joining("\nUNION\n"));
	}

	private static final String CHIP_FACTS = """
			[(c)-[r:MADE_BY]->(v:Vendor) | {node: %s, rel: r}] AS makers,
			[(pol:Policy)-[r:RESTRICTS]->(c) | {node: %s, rel: r}] AS restrictions""".formatted(NodeRef.project("v"),
			NodeRef.project("pol"));

	public static final String DEPENDENCIES = """
			MATCH (m:Model {id: $id})
			CALL (m) {
			  %s
			}
			WITH c, collect(p)[..10] AS paths
			ORDER BY c.id
			LIMIT $maxRows
			RETURN %s AS chip,
			       [p IN paths | [r IN relationships(p) | %s]] AS paths,
			       %s,
			       [(s)-[r:SUBSTITUTES_FOR]->(c) | {node: %s, rel: r}]
			         + [(c)-[:MADE_BY]->(:Vendor)<-[r:SUBSTITUTES_FOR]-(sv:Vendor) | {node: %s, rel: r}] AS substitutes
			""".formatted(depends("m", "c", "p, c", Set.of("Model")).indent(2).strip(), NodeRef.project("c"), Hop.project("r"), CHIP_FACTS,
			NodeRef.project("s"), NodeRef.project("sv"));

	// Who relies on the chip, or on a chip it substitutes for (they would fall back on this one).
	public static final String DEPENDENTS = """
			MATCH (chip:Chip {id: $id})
			CALL (chip) {
			  MATCH (chip)-[:SUBSTITUTES_FOR*0..1]->(c:Chip)
			  CALL (c) {
			    %s
			  }
			  WITH dep, collect(p)[..5] AS paths
			  ORDER BY dep.id
			  LIMIT $maxRows
			  RETURN collect({node: %s, paths: [p IN paths | [r IN relationships(p) | %s]]}) AS dependents
			}
			WITH chip AS c, coalesce(dependents, []) AS dependents
			RETURN %s AS chip, dependents,
			       %s,
			       [(c)-[r:SUBSTITUTES_FOR]->(x:Chip) | {node: %s, rel: r}] AS substitutesFor,
			       [(s:Chip)-[r:SUBSTITUTES_FOR]->(c) | {node: %s, rel: r}] AS substitutes
			""".formatted(depends("dep", "c", "p, dep", Set.of("Model", "Vendor", "Application")).indent(4).strip(), NodeRef.project("dep"), Hop.project("r"), NodeRef.project("c"),
			CHIP_FACTS, NodeRef.project("x"), NodeRef.project("s"));

	private final Neo4jClient client;

	private final int maxRows;

	ChipQueries(Neo4jClient client, LandscapeProperties properties) {
		this.client = client;
		this.maxRows = properties.query().maxRows();
	}

	public record ChipDependency(NodeRef chip, List<Linked> makers, List<Linked> restrictions, List<Linked> substitutes,
			List<List<Hop>> paths) {
	}

	public record Dependent(NodeRef node, List<List<Hop>> paths) {
	}

	public record ChipDependents(NodeRef chip, List<Linked> makers, List<Linked> restrictions,
			List<Linked> substitutesFor, List<Linked> substitutes, List<Dependent> dependents) {
	}

	/** The chips a model depends on, in id order, each with up to ten paths. */
	@Cacheable("chip-dependencies")
	public List<ChipDependency> dependencies(String modelId) {
		return List.copyOf(client.query(DEPENDENCIES)
			.bindAll(Map.of("id", modelId, "maxRows", maxRows))
			.fetchAs(ChipDependency.class)
			.mappedBy((types, r) -> dependency(r))
			.all());
	}

	/** Who depends on the chip (or on one it substitutes for), in id order, each with up to five paths. */
	@Cacheable("chip-dependents")
	public Optional<ChipDependents> dependents(String chipId) {
		return client.query(DEPENDENTS)
			.bindAll(Map.of("id", chipId, "maxRows", maxRows))
			.fetchAs(ChipDependents.class)
			.mappedBy((types, r) -> dependents(r))
			.first();
	}

	private static ChipDependency dependency(Record r) {
		return new ChipDependency(NodeRef.of(r.get("chip")), Linked.list(r.get("makers")),
				Linked.list(r.get("restrictions")), Linked.list(r.get("substitutes")), r.get("paths").asList(Hop::path));
	}

	private static ChipDependents dependents(Record r) {
		return new ChipDependents(NodeRef.of(r.get("chip")), Linked.list(r.get("makers")),
				Linked.list(r.get("restrictions")), Linked.list(r.get("substitutesFor")), Linked.list(r.get("substitutes")),
				r.get("dependents").asList(d -> new Dependent(NodeRef.of(d.get("node")), d.get("paths").asList(Hop::path))));
	}

}
