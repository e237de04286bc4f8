package cn.landscape.industry;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.neo4j.driver.Value;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.catalog.AnswerCache;
import cn.landscape.catalog.Evidence;
import cn.landscape.catalog.Kind;
import cn.landscape.catalog.NodeRef;
import cn.landscape.catalog.Reads;
import cn.landscape.catalog.Refs;
import cn.landscape.seed.SeedLoadListener;
import cn.landscape.web.BadParameterException;

/** Which models serve an industry. */
@RestController
@RequestMapping("/api/industries")
@Tag(name = "Industries", description = "Which models serve an industry")
class IndustryController implements SeedLoadListener {

	private static final String INDUSTRIES = """
			MATCH (i:Industry)
			RETURN i.id AS id, i.name AS name, i.nameEn AS nameEn,
			       COUNT { (i)<-[:SERVES]-(:Model) } AS modelCount
			ORDER BY modelCount DESC, id
			LIMIT $maxRows
			""";

	// A model serves the industry directly (rank 0), or through an application built on it (rank 1); with
	// includeGeneral, general-purpose models that are not tied to the industry follow (rank 2). Each rank is
	// cut at offset + limit ($window) in id order, and a rank is read only when the ranks before it leave
	// room, so a page never sorts more than that many models of a rank. The direct models of a large
	// industry come from walking the Model id index in order until the window is full (about
	// window x models / degree entries); those of a small one from expanding the industry and sorting
	// (degree rows): whichever is fewer. Conditional branches (Cypher 25) run only the chosen side.
	// Reasons, evidence and vendor are read for the page only.
	private static final String MODELS = """
			CYPHER 25
			MATCH (i:Industry {id: $industry})
			CALL () {
			  MATCH (model:Model)
			  RETURN count(model) AS models
			}
			WITH i, models, COUNT { (i)<-[:SERVES]-() } AS degree
			CALL (i, models, degree) {
			  WHEN degree * degree > $window * models THEN {
			    MATCH (m:Model)
			    WHERE m.id IS NOT NULL AND EXISTS { (m)-[:SERVES]->(i) }
			    WITH m ORDER BY m.id LIMIT $window
			    RETURN collect(m) AS direct
			  }
			  ELSE {
			    MATCH (i)<-[:SERVES]-(m:Model)
			    WITH m ORDER BY m.id LIMIT $window
			    RETURN collect(m) AS direct
			  }
			}
			CALL (i, direct) {
			  WHEN size(direct) < $window THEN {
			    MATCH (i)<-[:SERVES]-(:Application)-[:BUILT_ON]->(m:Model)
			    WHERE NOT (m)-[:SERVES]->(i)
			    WITH DISTINCT m ORDER BY m.id LIMIT $window
			    RETURN collect(m) AS viaApplication
			  }
			  ELSE {
			    RETURN [] AS viaApplication
			  }
			}
			CALL (i, direct, viaApplication) {
			  WHEN $includeGeneral AND size(direct) + size(viaApplication) < $window THEN {
			    MATCH (m:Model)
			    WHERE m.id IS NOT NULL AND m.type = 'general' AND NOT (m)-[:SERVES]->(i)
			      AND NOT EXISTS { (m)<-[:BUILT_ON]-(:Application)-[:SERVES]->(i) }
			    WITH m ORDER BY m.id LIMIT $window
			    RETURN collect(m) AS general
			  }
			  ELSE {
			    RETURN [] AS general
			  }
			}
			UNWIND [m IN direct | {m: m, rank: 0}] + [m IN viaApplication | {m: m, rank: 1}]
			       + [m IN general | {m: m, rank: 2}] AS row
			WITH i, row.m AS m, row.rank AS rank
			ORDER BY rank, m.id
			SKIP $offset LIMIT $limit
			CALL (i, m, rank) {
			  CALL (i, m, rank) {
			    MATCH (i)<-[s:SERVES]-(m)
			    WHERE rank = 0
			    RETURN 'direct' AS via, null AS app, [s] AS rels
			    UNION ALL
			    MATCH (i)<-[s:SERVES]-(a:Application)-[b:BUILT_ON]->(m)
			    WHERE rank = 1
			    RETURN 'application' AS via, a AS app, [s, b] AS rels
			    UNION ALL
			    UNWIND CASE WHEN rank = 2 THEN [1] ELSE [] END AS general
			    RETURN 'general' AS via, null AS app, [] AS rels
			  }
			  RETURN collect({via: via, app: app, rels: rels}) AS reasons
			}
			CALL (m) {
			  OPTIONAL MATCH (v:Vendor)-[:DEVELOPS]->(m)
			  OPTIONAL MATCH (m)-[:VERSION_OF]->(:Model)<-[:DEVELOPS]-(fv:Vendor)
			  WITH coalesce(v, fv) AS vendor ORDER BY vendor.id LIMIT 1
			  RETURN vendor
			}
			RETURN m.id AS id, m.name AS name, m.nameEn AS nameEn, m.type AS type,
			       CASE WHEN vendor IS NULL THEN null ELSE {id: vendor.id, name: vendor.name} END AS vendor,
			       reasons[0] AS reason,
			       [r IN reasons | r.rels] AS rels
			""";

	private final Reads reads;

	private final Refs refs;

	/** Pages by industry, flag, offset and limit: the busiest question (see AnswerCache on honesty). */
	private final AnswerCache<List<Object>, List<ServingModel>> pages = new AnswerCache<>(1_000);

	IndustryController(Reads reads, Refs refs) {
		this.reads = reads;
		this.refs = refs;
	}

	@Override
	public void seedLoaded() {
		pages.clear();
	}

	record IndustrySummary(String id, String name, String nameEn, long modelCount) {
	}

	record Vendor(String id, String name) {
	}

	record Application(String id, String name) {
	}

	record ServingModel(String id, String ref, String name, String nameEn, String type, Vendor vendor, String via,
			Application application, List<Evidence> evidence) {
	}

	record IndustryModels(NodeRef industry, List<ServingModel> models, int limit, int offset, Integer nextOffset) {
	}

	@GetMapping
	@Operation(summary = "All industries with the number of models that serve each")
	List<IndustrySummary> industries() {
		return reads.list(INDUSTRIES, Map.of("maxRows", reads.maxRows()), r -> new IndustrySummary(r.get("id").asString(),
				r.get("name").asString(), r.get("nameEn").asString(null), r.get("modelCount").asLong()));
	}

	@GetMapping("/{ref}/models")
	@Operation(summary = "The models that serve an industry, each with its vendor and the evidence",
			description = "Models that serve the industry directly come first, then models reached through an application built on them; with includeGeneral=true, general-purpose models follow, marked via=general.")
	IndustryModels models(
			@Parameter(description = "Industry id, Chinese or English name, or alias", example = "finance") @PathVariable String ref,
			@Parameter(description = "Also list general-purpose models, marked via=general") @RequestParam(defaultValue = "false") boolean includeGeneral,
			@Parameter(description = "Page size, 1 to landscape.query.max-rows", example = "50") @RequestParam(required = false) Integer limit,
			@Parameter(description = "Rows to skip, for the next page", example = "0") @RequestParam(required = false) Integer offset) {
		int pageSize = BadParameterException.range("limit", limit, 50, 1, reads.maxRows());
		int skip = BadParameterException.range("offset", offset, 0, 0, 1_000_000);
		NodeRef industry = refs.resolve("ref", ref, Kind.INDUSTRY);
		List<ServingModel> models = pages.get(List.of(industry.id(), includeGeneral, skip, pageSize),
				() -> reads.list(MODELS, Map.of("industry", industry.id(), "includeGeneral", includeGeneral, "offset", skip,
						"limit", pageSize, "window", skip + pageSize), r -> model(r.get("id").asString(), r)));
		return new IndustryModels(industry, models, pageSize, skip, models.size() == pageSize ? skip + pageSize : null);
	}

	private static ServingModel model(String id, org.neo4j.driver.Record r) {
		Value vendor = r.get("vendor");
		Value app = r.get("reason").get("app");
		List<Evidence> evidence = r.get("rels")
			.asList(rels -> rels.asList(rel -> rel))
			.stream()
			.flatMap(List::stream)
			.flatMap(rel -> Evidence.of(rel).stream())
			.distinct()
			.toList();
		return new ServingModel(id, "model:" + id, r.get("name").asString(), r.get("nameEn").asString(null),
				r.get("type").asString(null),
				vendor.isNull() ? null : new Vendor(vendor.get("id").asString(), vendor.get("name").asString()),
				r.get("reason").get("via").asString(),
				app.isNull() ? null : new Application(app.get("id").asString(), app.get("name").asString()), evidence);
	}

}
