package cn.landscape.chip;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.neo4j.driver.Record;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.catalog.AnswerCache;
import cn.landscape.catalog.Hop;
import cn.landscape.catalog.Kind;
import cn.landscape.catalog.Linked;
import cn.landscape.catalog.NodeRef;
import cn.landscape.catalog.Reads;
import cn.landscape.catalog.Refs;
import cn.landscape.seed.SeedLoadListener;

/** What a model depends on down to the chips, and who is exposed when a chip is cut off. */
@RestController
@Tag(name = "Chips", description = "Chip dependencies of models and the exposure of chips")
class ChipController implements SeedLoadListener {

	// A model depends on a chip when it, a model it is a version of or based on (up to two steps), or a
	// version of it, runs or trains on the chip, directly or through a facility it uses; or when its
	// vendor runs a facility on the chip. Every pattern is bounded.
	private static final String DEPENDENCY_PATHS = """
			MATCH (m:Model {id: $id})
			CALL (m) {
			  MATCH p = (m)-[:BASED_ON|VERSION_OF]->{0,2}(:Model)-[:RUNS_ON|TRAINED_ON]->(c:Chip)
			  RETURN p, c
			  UNION
			  MATCH p = (m)<-[:VERSION_OF]-(:Model)-[:RUNS_ON|TRAINED_ON]->(c:Chip)
			  RETURN p, c
			  UNION
			  MATCH p = (m)-[:BASED_ON|VERSION_OF]->{0,2}(:Model)-[:USES]->(:Facility)-[:RUNS_ON]->(c:Chip)
			  RETURN p, c
			  UNION
			  MATCH p = (m)-[:BASED_ON|VERSION_OF]->{0,2}(:Model)<-[:DEVELOPS]-(:Vendor)-[:DEVELOPS|USES]->(:Facility)-[:RUNS_ON]->(c:Chip)
			  RETURN p, c
			}
			WITH c, collect(p)[..10] AS paths
			LIMIT $maxRows
			RETURN %s AS chip,
			       [p IN paths | [r IN relationships(p) | %s]] AS paths,
			       [(c)-[r:MADE_BY]->(v:Vendor) | {node: %s, rel: r}] AS makers,
			       [(pol:Policy)-[r:RESTRICTS]->(c) | {node: %s, rel: r}] AS restrictions,
			       [(s)-[r:SUBSTITUTES_FOR]->(c) | {node: %s, rel: r}]
			         + [(c)-[:MADE_BY]->(:Vendor)<-[r:SUBSTITUTES_FOR]-(sv:Vendor) | {node: %s, rel: r}] AS substitutes
			ORDER BY c.id
			""".formatted(NodeRef.project("c"), Hop.project("r"), NodeRef.project("v"), NodeRef.project("pol"),
			NodeRef.project("s"), NodeRef.project("sv"));

	// Who relies on the chip, or on a chip it substitutes for (they would fall back on this one). First the
	// dependents alone, in id order and cut at maxRows, then the paths (at most five) of those only. For a
	// chip much of the landscape runs on, the dependents come from walking the id index of each kind that
	// can depend (models, vendors, applications) in order until maxRows of that kind are found, then
	// merging; for the others from expanding the chips and sorting (degree rows): whichever is fewer.
	// Walking per kind rather than the Entity index skips the kinds that cannot depend (figures, policies,
	// people…), which ids do not keep apart. Conditional branches (Cypher 25) run only the chosen side.
	private static final String DEPENDENTS = """
			CYPHER 25
			MATCH (chip:Chip {id: $id})
			CALL (chip) {
			  MATCH (chip)-[:SUBSTITUTES_FOR]->{0,1}(c:Chip)
			  WITH DISTINCT c
			  RETURN collect(c) AS chips, sum(COUNT { (c)<-[:RUNS_ON|TRAINED_ON]-() }) AS degree
			}
			CALL () {
			  MATCH (e:Entity)
			  RETURN count(e) AS entities
			}
			CALL (chips, degree, entities) {
			  WHEN degree * degree > $maxRows * entities THEN {
			    CALL (chips) {
			      MATCH (dep:Model)
			      WHERE dep.id IS NOT NULL
			        AND (EXISTS { (dep)-[:BASED_ON|VERSION_OF]->{0,2}(:Model)-[:RUNS_ON|TRAINED_ON]->(c) WHERE c IN chips }
			          OR EXISTS { (dep)-[:USES]->(:Facility)-[:RUNS_ON]->(c) WHERE c IN chips })
			      WITH dep ORDER BY dep.id LIMIT $maxRows
			      RETURN dep
			      UNION
			      MATCH (dep:Vendor)
			      WHERE dep.id IS NOT NULL
			        AND (EXISTS { (dep)-[:DEVELOPS]->(:Model)-[:RUNS_ON|TRAINED_ON]->(c) WHERE c IN chips }
			          OR EXISTS { (dep)-[:DEVELOPS|USES]->(:Facility)-[:RUNS_ON]->(c) WHERE c IN chips })
			      WITH dep ORDER BY dep.id LIMIT $maxRows
			      RETURN dep
			      UNION
			      MATCH (dep:Application)
			      WHERE dep.id IS NOT NULL AND EXISTS { (dep)-[:RUNS_ON]->(c) WHERE c IN chips }
			      WITH dep ORDER BY dep.id LIMIT $maxRows
			      RETURN dep
			    }
			    WITH dep ORDER BY dep.id LIMIT $maxRows
			    RETURN dep
			  }
			  ELSE {
			    UNWIND chips AS c
			    CALL (c) {
			      MATCH (dep:Model)-[:BASED_ON|VERSION_OF]->{0,2}(:Model)-[:RUNS_ON|TRAINED_ON]->(c)
			      RETURN dep
			      UNION
			      MATCH (dep:Model)-[:USES]->(:Facility)-[:RUNS_ON]->(c)
			      RETURN dep
			      UNION
			      MATCH (dep:Vendor)-[:DEVELOPS]->(:Model)-[:RUNS_ON|TRAINED_ON]->(c)
			      RETURN dep
			      UNION
			      MATCH (dep:Vendor)-[:DEVELOPS|USES]->(:Facility)-[:RUNS_ON]->(c)
			      RETURN dep
			      UNION
			      MATCH (dep:Application)-[:RUNS_ON]->(c)
			      RETURN dep
			    }
			    WITH DISTINCT dep
			    ORDER BY dep.id
			    LIMIT $maxRows
			    RETURN dep
			  }
			}
			CALL (chip, dep) {
			  CALL (chip, dep) {
			    MATCH (chip)-[:SUBSTITUTES_FOR]->{0,1}(c:Chip)
			    MATCH p = (dep)-[:BASED_ON|VERSION_OF]->{0,2}(:Model)-[:RUNS_ON|TRAINED_ON]->(c)
			    RETURN p
			    UNION
			    MATCH (chip)-[:SUBSTITUTES_FOR]->{0,1}(c:Chip)
			    MATCH p = (dep)-[:USES]->(:Facility)-[:RUNS_ON]->(c)
			    RETURN p
			    UNION
			    MATCH (chip)-[:SUBSTITUTES_FOR]->{0,1}(c:Chip)
			    MATCH p = (dep)-[:DEVELOPS]->(:Model)-[:RUNS_ON|TRAINED_ON]->(c)
			    RETURN p
			    UNION
			    MATCH (chip)-[:SUBSTITUTES_FOR]->{0,1}(c:Chip)
			    MATCH p = (dep)-[:DEVELOPS|USES]->(:Facility)-[:RUNS_ON]->(c)
			    RETURN p
			    UNION
			    MATCH (chip)-[:SUBSTITUTES_FOR]->{0,1}(c:Chip)
			    MATCH p = (dep)-[:RUNS_ON]->(c)
			    RETURN p
			  }
			  WITH p LIMIT 5
			  RETURN collect(p) AS paths
			}
			WITH chip, collect({node: %s, paths: [p IN paths | [r IN relationships(p) | %s]]}) AS dependents
			RETURN %s AS chip, dependents,
			       [(chip)-[r:MADE_BY]->(v:Vendor) | {node: %s, rel: r}] AS makers,
			       [(pol:Policy)-[r:RESTRICTS]->(chip) | {node: %s, rel: r}] AS restrictions,
			       [(chip)-[r:SUBSTITUTES_FOR]->(x:Chip) | {node: %s, rel: r}] AS substitutesFor,
			       [(s:Chip)-[r:SUBSTITUTES_FOR]->(chip) | {node: %s, rel: r}] AS substitutes
			""".formatted(NodeRef.project("dep"), Hop.project("r"), NodeRef.project("chip"), NodeRef.project("v"),
			NodeRef.project("pol"), NodeRef.project("x"), NodeRef.project("s"));

	private static final String CHIP_ONLY = """
			MATCH (chip:Chip {id: $id})
			RETURN %s AS chip, [] AS dependents,
			       [(chip)-[r:MADE_BY]->(v:Vendor) | {node: %s, rel: r}] AS makers,
			       [(pol:Policy)-[r:RESTRICTS]->(chip) | {node: %s, rel: r}] AS restrictions,
			       [(chip)-[r:SUBSTITUTES_FOR]->(x:Chip) | {node: %s, rel: r}] AS substitutesFor,
			       [(s:Chip)-[r:SUBSTITUTES_FOR]->(chip) | {node: %s, rel: r}] AS substitutes
			""".formatted(NodeRef.project("chip"), NodeRef.project("v"), NodeRef.project("pol"), NodeRef.project("x"),
			NodeRef.project("s"));

	private final Reads reads;

	private final Refs refs;

	/**
	 * Dependents by chip: the costliest question on a large graph (over 100 ms for the most used chip at
	 * a million nodes) and asked of a few chips over and over (see AnswerCache on honesty).
	 */
	private final AnswerCache<String, ChipDependents> dependentsByChip = new AnswerCache<>(200);

	/**
	 * Dependencies by model: a few milliseconds each, but the answer of a popular model is asked often and
	 * runs to tens of kilobytes of paths and evidence (see AnswerCache on honesty).
	 */
	private final AnswerCache<String, ChipDependencies> dependenciesByModel = new AnswerCache<>(2_000);

	ChipController(Reads reads, Refs refs) {
		this.reads = reads;
		this.refs = refs;
	}

	@Override
	public void seedLoaded() {
		dependentsByChip.clear();
		dependenciesByModel.clear();
	}

	record ChipDependency(NodeRef chip, List<Linked> makers, List<Linked> restrictions, List<Linked> substitutes,
			List<List<Hop>> paths) {
	}

	record ChipDependencies(NodeRef model, List<ChipDependency> chips) {
	}

	record Dependent(NodeRef node, List<List<Hop>> paths) {
	}

	record ChipDependents(NodeRef chip, List<Linked> makers, List<Linked> restrictions, List<Linked> substitutesFor,
			List<Linked> substitutes, List<Dependent> dependents) {
	}

	@GetMapping("/api/models/{ref}/chip-dependencies")
	@Operation(summary = "The chips a model runs or trains on, with their makers, the policies that restrict them, their substitutes and the path with evidence",
			description = "Followed directly, through a model it is a version of or based on, through a facility it uses, or through its vendor's facilities.")
	ChipDependencies dependencies(
			@Parameter(description = "Model id, name or alias", example = "pangu-3") @PathVariable String ref) {
		NodeRef model = refs.resolve("ref", ref, Kind.MODEL);
		return dependenciesByModel.get(model.id(), () -> new ChipDependencies(model, reads
			.list(DEPENDENCY_PATHS, Map.of("id", model.id(), "maxRows", reads.maxRows()), ChipController::dependency)));
	}

	@GetMapping("/api/chips/{ref}/dependents")
	@Operation(summary = "Who is exposed if a chip is cut off: the models and vendors that rely on it, or on a chip it substitutes for, and the policies on it")
	ChipDependents dependents(
			@Parameter(description = "Chip id, name or alias", example = "a100") @PathVariable String ref) {
		NodeRef chip = refs.resolve("ref", ref, Kind.CHIP);
		Map<String, Object> params = Map.of("id", chip.id(), "maxRows", reads.maxRows());
		return dependentsByChip.get(chip.id(), () -> reads.one(DEPENDENTS, params, ChipController::dependents)
			.orElseGet(() -> reads.one(CHIP_ONLY, params, ChipController::dependents).orElseThrow()));
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
