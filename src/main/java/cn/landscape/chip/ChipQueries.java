package cn.landscape.chip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
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
 * inverse of the other. The service asks for dependents in a form restated for scale
 * ({@link #dependentsAtScale}); tests check that it agrees with the plain {@link #DEPENDENTS}.
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

	/** How many ids of a kind the scaled dependents read in order before expanding from the chip instead. */
	public static final int WALK = 10_000;

	/**
	 * The chip's end of "depends on a chip", for the dependents at scale: the chips relied on (the chip, a
	 * chip it substitutes for, a series either is a version of) as {@code targets}, the facilities running
	 * on them and the vendors operating those. Small for any chip; each statement that checks dependents
	 * against it reads it first. Passed between statements as element ids instead, the sets made Neo4j seek
	 * every one of them for every candidate.
	 */
	static final String REACH = """
			MATCH (:Chip {id: $id})-[:SUBSTITUTES_FOR*0..1]->(:Chip)-[:VERSION_OF*0..1]->(x:Chip)
			WITH collect(DISTINCT x) AS targets
			CALL (targets) {
			  UNWIND targets AS x
			  OPTIONAL MATCH (o:Vendor)-[:DEVELOPS|USES]->(f:Facility)-[:RUNS_ON]->(x)
			  RETURN collect(DISTINCT f) AS facilities, collect(DISTINCT o) AS operators
			}
			""";

	/**
	 * How many dependents of each kind the chip's reach suggests (relationships into it, from degree counts,
	 * an upper bound), and how many nodes each kind has: what decides between the two ways of a kind.
	 */
	static final String ESTIMATE = REACH + """
			CALL (targets) {
			  UNWIND targets AS x
			  RETURN sum(COUNT { (x)<-[:RUNS_ON|TRAINED_ON]-() }) AS onChips
			}
			CALL (facilities) {
			  UNWIND facilities AS f
			  RETURN sum(COUNT { (f)<-[:USES]-() }) AS onFacilities
			}
			CALL (operators) {
			  UNWIND operators AS o
			  RETURN sum(COUNT { (o)-[:DEVELOPS]->() }) AS developed
			}
			RETURN {Model: onChips + onFacilities + developed, Vendor: size(operators) + onChips, Application: onChips} AS reached,
			       {Model: COUNT { (:Model) }, Vendor: COUNT { (:Vendor) }, Application: COUNT { (:Application) }} AS sizes
			""";

	/**
	 * One kind of dependent, found either way in id order: {@link #walk()} reads the kind's first
	 * {@code $walk} ids from its index and keeps those that {@code reaches} the chip's reach;
	 * {@link #expand()} starts from the reach ({@code fromReach} yields {@code dep}). Both return {@code id}
	 * and {@code element}, at most {@code $maxRows}. {@code share}: the kind's dependents per relationship its
	 * estimate counts, as measured on the synthetic landscape: a model's versions and derivatives depend too,
	 * while the vendors' and applications' estimates count every relationship into the chip, mostly models'.
	 */
	record DependentKind(String label, double share, String reaches, String fromReach) {

		String walk() {
			return REACH + """
					CALL () {
					  MATCH (dep:%s) WHERE dep.id IS NOT NULL
					  RETURN dep ORDER BY dep.id LIMIT $walk
					}
					WITH dep, targets, facilities, operators
					WHERE %s
					""".formatted(label, reaches) + FOUND;
		}

		String expand() {
			return REACH + fromReach + FOUND;
		}

		private static final String FOUND = """
				RETURN DISTINCT dep.id AS id, elementId(dep) AS element
				ORDER BY id LIMIT $maxRows
				""";
	}

	static final List<DependentKind> DEPENDENT_KINDS = List.of(new DependentKind("Model", 1.5, """
			EXISTS { MATCH (dep)-[:BASED_ON|VERSION_OF*0..2]->(m:Model)
			         WHERE EXISTS { MATCH (m)-[:RUNS_ON|TRAINED_ON]->(x) WHERE x IN targets }
			            OR EXISTS { MATCH (m)-[:USES]->(f) WHERE f IN facilities }
			            OR EXISTS { MATCH (m)<-[:DEVELOPS]-(o) WHERE o IN operators } }
			   OR EXISTS { MATCH (dep)<-[:VERSION_OF]-(:Model)-[:RUNS_ON|TRAINED_ON]->(x) WHERE x IN targets }""", """
			CALL (targets, facilities, operators) {
			  UNWIND targets AS x
			  MATCH (m:Model)-[:RUNS_ON|TRAINED_ON]->(x)
			  RETURN m
			  UNION
			  UNWIND facilities AS f
			  MATCH (m:Model)-[:USES]->(f)
			  RETURN m
			  UNION
			  UNWIND operators AS o
			  MATCH (o)-[:DEVELOPS]->(m:Model)
			  RETURN m
			}
			CALL (m, targets) {
			  MATCH (dep:Model)-[:BASED_ON|VERSION_OF*0..2]->(m)
			  RETURN dep
			  UNION
			  MATCH (dep:Model)<-[:VERSION_OF]-(m)
			  WHERE EXISTS { MATCH (m)-[:RUNS_ON|TRAINED_ON]->(x) WHERE x IN targets }
			  RETURN dep
			}
			"""), new DependentKind("Vendor", 0.25, """
			dep IN operators
			   OR EXISTS { MATCH (dep)-[:DEVELOPS]->(:Model)-[:RUNS_ON|TRAINED_ON]->(x) WHERE x IN targets }""", """
			CALL (targets, operators) {
			  UNWIND operators AS dep
			  RETURN dep
			  UNION
			  UNWIND targets AS x
			  MATCH (dep:Vendor)-[:DEVELOPS]->(:Model)-[:RUNS_ON|TRAINED_ON]->(x)
			  RETURN dep
			}
			"""), new DependentKind("Application", 0.02, """
			EXISTS { MATCH (dep)-[:RUNS_ON]->(x) WHERE x IN targets }""", """
			UNWIND targets AS x
			MATCH (dep:Application)-[:RUNS_ON]->(x)
			"""));

	/**
	 * The answer for the dependents found ({@code $deps}, element ids in order), with five paths each: the
	 * branches of {@link #DEPENDS} from the dependent's end, those through a vendor's facility joined to the
	 * chip's end read once.
	 */
	static final String DEPENDENTS_PAGE = """
			MATCH (c:Chip {id: $id})
			CALL (c) {
			  MATCH (c)-[:SUBSTITUTES_FOR*0..1]->(:Chip)-[v:VERSION_OF*0..1]->(x:Chip)
			  WITH DISTINCT x, v
			  OPTIONAL MATCH (o:Vendor)-[u:DEVELOPS|USES]->(:Facility)-[r:RUNS_ON]->(x)
			  RETURN collect(DISTINCT x) AS targets, collect(DISTINCT {x: x, v: v}) AS tails,
			         collect(CASE WHEN o IS NOT NULL THEN {o: o, rels: [u, r] + v} END) AS operated
			}
			CALL (targets, tails, operated) {
			  UNWIND range(0, size($deps) - 1) AS i
			  MATCH (dep) WHERE elementId(dep) = $deps[i]
			  CALL (dep, targets, tails, operated) {
			    CALL (dep, targets, tails, operated) {
			      MATCH p = (dep:Model)-[:BASED_ON|VERSION_OF*0..2]->(:Model)-[:RUNS_ON|TRAINED_ON]->(x) WHERE x IN targets
			      UNWIND [t IN tails WHERE t.x = x] AS t
			      RETURN relationships(p) + t.v AS rels
			      UNION
			      MATCH p = (dep:Model)<-[:VERSION_OF]-(:Model)-[:RUNS_ON|TRAINED_ON]->(x) WHERE x IN targets
			      UNWIND [t IN tails WHERE t.x = x] AS t
			      RETURN relationships(p) + t.v AS rels
			      UNION
			      MATCH p = (dep:Model)-[:BASED_ON|VERSION_OF*0..2]->(:Model)-[:USES]->(:Facility)-[:RUNS_ON]->(x) WHERE x IN targets
			      UNWIND [t IN tails WHERE t.x = x] AS t
			      RETURN relationships(p) + t.v AS rels
			      UNION
			      MATCH p = (dep:Model)-[:BASED_ON|VERSION_OF*0..2]->(:Model)<-[:DEVELOPS]-(o:Vendor)
			      UNWIND [t IN operated WHERE t.o = o] AS t
			      RETURN relationships(p) + t.rels AS rels
			      UNION
			      MATCH p = (dep:Vendor)-[:DEVELOPS]->(:Model)-[:RUNS_ON|TRAINED_ON]->(x) WHERE x IN targets
			      UNWIND [t IN tails WHERE t.x = x] AS t
			      RETURN relationships(p) + t.v AS rels
			      UNION
			      UNWIND [t IN operated WHERE t.o = dep] AS t
			      RETURN t.rels AS rels
			      UNION
			      MATCH p = (dep:Application)-[:RUNS_ON]->(x) WHERE x IN targets
			      UNWIND [t IN tails WHERE t.x = x] AS t
			      RETURN relationships(p) + t.v AS rels
			    }
			    RETURN rels LIMIT 5
			  }
			  WITH i, dep, collect(rels) AS paths
			  ORDER BY i
			  RETURN collect({node: %s, paths: [p IN paths | [r IN p | %s]]}) AS dependents
			}
			RETURN %s AS chip, dependents,
			       %s,
			       [(c)-[r:SUBSTITUTES_FOR]->(x:Chip) | {node: %s, rel: r}] AS substitutesFor,
			       [(s:Chip)-[r:SUBSTITUTES_FOR]->(c) | {node: %s, rel: r}] AS substitutes
			""".formatted(NodeRef.project("dep"), Hop.project("r"), NodeRef.project("c"), CHIP_FACTS, NodeRef.project("x"),
			NodeRef.project("s"));

	/** The parameters of every dependents statement but the page; the warm-up binds the same ({@link ChipStatements}). */
	static Map<String, Object> parameters(String chipId, int maxRows, int walk) {
		return Map.of("id", chipId, "walk", walk, "maxRows", maxRows);
	}

	/** Runs one statement and gives its records: Neo4jClient in the service, a driver transaction in the bench. */
	@FunctionalInterface
	public interface Statements {

		List<Record> run(String cypher, Map<String, Object> parameters);

	}

	/**
	 * {@link #DEPENDENTS} tuned for a large graph, its twin (a test checks that they agree). The plain form
	 * follows every path from the chip, which at a million nodes is most of the graph for a popular chip (a
	 * vendor with a facility on it brings all its models), and is the fastest for a chip few rely on. So the
	 * {@link #ESTIMATE} comes first: when fewer relationships reach the chip than {@code walk}, for every
	 * kind, the plain form answers; otherwise each kind's first dependents are found in id order by one of
	 * the ways of {@link #DEPENDENT_KINDS} (the walk where the estimate, weighed by the kind's share, says the
	 * first {@code walk} ids should hold a page; kept when it filled the page or read the whole kind; else the
	 * expansion), and paths are read for the page only ({@link #DEPENDENTS_PAGE}). Several small statements
	 * rather than one: as one statement with conditional branches it took Neo4j several seconds to plan.
	 */
	public static Optional<ChipDependents> dependentsAtScale(Statements statements, String chipId, int maxRows, int walk) {
		Map<String, Object> parameters = parameters(chipId, maxRows, walk);
		List<Record> estimates = statements.run(ESTIMATE, parameters);
		if (estimates.isEmpty()) {
			return Optional.empty();
		}
		Record estimate = estimates.getFirst();
		ToLongFunction<DependentKind> size = kind -> estimate.get("sizes").get(kind.label()).asLong();
		ToLongFunction<DependentKind> reached = kind -> estimate.get("reached").get(kind.label()).asLong();
		if (DEPENDENT_KINDS.stream().allMatch(kind -> reached.applyAsLong(kind) < walk)) {
			// Fewer relationships reach the chip than a walk reads ids: the plain form's paths are the cheapest way.
			return statements.run(DEPENDENTS, parameters).stream().findFirst().map(ChipQueries::dependents);
		}
		List<DependentKind> walked = DEPENDENT_KINDS.stream()
			.filter(kind -> kind.share() * reached.applyAsLong(kind) * Math.min(walk, size.applyAsLong(kind))
					>= (double) maxRows * size.applyAsLong(kind))
			.toList();
		List<Map.Entry<String, String>> found = new ArrayList<>();
		for (DependentKind kind : DEPENDENT_KINDS) {
			List<Record> rows = null;
			if (walked.contains(kind)) {
				List<Record> walkedRows = statements.run(kind.walk(), parameters);
				boolean whole = size.applyAsLong(kind) <= walk;
				rows = walkedRows.size() == maxRows || whole ? walkedRows : null;
			}
			if (rows == null) {
				rows = statements.run(kind.expand(), parameters);
			}
			rows.forEach(r -> found.add(Map.entry(r.get("id").asString(), r.get("element").asString())));
		}
		List<String> page = found.stream().sorted(Map.Entry.comparingByKey()).limit(maxRows).map(Map.Entry::getValue).toList();
		return statements.run(DEPENDENTS_PAGE, Map.of("id", chipId, "deps", page)).stream().findFirst().map(ChipQueries::dependents);
	}

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
		return dependentsAtScale(
				(cypher, parameters) -> List.copyOf(
						client.query(cypher).bindAll(parameters).fetchAs(Record.class).mappedBy((types, r) -> r).all()),
				chipId, maxRows, WALK);
	}

	private static ChipDependency dependency(Record r) {
		return new ChipDependency(NodeRef.of(r.get("chip")), Linked.list(r.get("makers")),
				Linked.list(r.get("restrictions")), Linked.list(r.get("substitutes")), r.get("paths").asList(Hop::path));
	}

	/** Maps a record of {@link #DEPENDENTS} or {@link #DEPENDENTS_PAGE}. */
	public static ChipDependents dependents(Record r) {
		return new ChipDependents(NodeRef.of(r.get("chip")), Linked.list(r.get("makers")),
				Linked.list(r.get("restrictions")), Linked.list(r.get("substitutesFor")), Linked.list(r.get("substitutes")),
				r.get("dependents").asList(d -> new Dependent(NodeRef.of(d.get("node")), d.get("paths").asList(Hop::path))));
	}

}
