package cn.landscape.industry;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.landscape.LandscapeProperties;
import cn.landscape.evidence.Evidence;

/** Which models serve an industry: read-only Cypher projections into the answer records. */
@Component
@Transactional(readOnly = true)
public class IndustryQueries {

	/** What "a model serves the industry" means, with the reason: directly, or through an application built on it. */
	static final String SERVING = """
			MATCH (i)<-[s:SERVES]-(m:Model)
			RETURN m, 0 AS rank, 'direct' AS via, null AS app, [s] AS rels
			UNION ALL
			MATCH (i)<-[s:SERVES]-(a:Application)-[b:BUILT_ON]->(m:Model)
			WHERE NOT (m)-[:SERVES]->(i)
			RETURN m, 1 AS rank, 'application' AS via, a AS app, [s, b] AS rels
			""";

	public static final String INDUSTRIES = """
			MATCH (i:Industry)
			RETURN i.id AS id, i.name AS name, i.nameEn AS nameEn, i.sector AS sector,
			       COUNT { CALL (i) { %s } RETURN DISTINCT m } AS modelCount
			ORDER BY modelCount DESC, id
			LIMIT $maxRows
			""".formatted(SERVING);

	/** A page's rows ({@code m}, {@code reasons}) as the answer: each model with its vendor and reasons. */
	private static final String ANSWER = """
			CALL (m) {
			  OPTIONAL MATCH (v:Vendor)-[:DEVELOPS]->(m)
			  OPTIONAL MATCH (m)-[:VERSION_OF]->(:Model)<-[:DEVELOPS]-(fv:Vendor)
			  WITH coalesce(v, fv) AS vendor ORDER BY vendor.id LIMIT 1
			  RETURN vendor
			}
			RETURN m.id AS id, m.name AS name, m.nameEn AS nameEn, m.type AS type, m.deployment AS deployment,
			       CASE WHEN vendor IS NULL THEN null ELSE {id: vendor.id, name: vendor.name} END AS vendor,
			       reasons[0] AS reason,
			       [r IN reasons | r.rels] AS rels
			""";

	// With includeGeneral, general-purpose models not tied to the industry follow (rank 2).
	public static final String MODELS = """
			MATCH (i:Industry {id: $industry})
			CALL (i) {
			  %s
			  UNION ALL
			  MATCH (m:Model)
			  WHERE $includeGeneral AND m.type = 'general' AND NOT (m)-[:SERVES]->(i)
			    AND NOT EXISTS { (m)<-[:BUILT_ON]-(:Application)-[:SERVES]->(i) }
			  RETURN m, 2 AS rank, 'general' AS via, null AS app, [] AS rels
			}
			WITH m, rank, via, app, rels ORDER BY app.id
			WITH m, rank, collect({via: via, app: app, rels: rels}) AS reasons
			ORDER BY rank, m.id
			SKIP $offset LIMIT $limit
			%s""".formatted(SERVING.indent(2).strip(), ANSWER);

	/** How many model ids {@link #MODELS_AT_SCALE} reads in order before it expands from the industry instead. */
	public static final int WALK = 10_000;

	/**
	 * {@link #MODELS} tuned for a large graph, its twin (a test checks that they agree). Each rank is cut at
	 * offset + limit ({@code $window}) in id order, and a rank is read only when the ranks before it leave
	 * room. The direct models come from walking the Model id index for the first {@code $walk} ids, which
	 * fills the window of an industry that many models serve without reading all of them; when it does not,
	 * from the industry's end. Reasons, evidence and vendor are read for the page only.
	 */
	public static final String MODELS_AT_SCALE = """
			CYPHER 25
			MATCH (i:Industry {id: $industry})
			CALL (i) {
			  MATCH (m:Model) WHERE m.id IS NOT NULL
			  WITH m ORDER BY m.id LIMIT $walk
			  WITH m WHERE EXISTS { (m)-[:SERVES]->(i) }
			  WITH m ORDER BY m.id LIMIT $window
			  RETURN collect(m) AS walked
			}
			CALL (i, walked) {
			  WHEN size(walked) = $window OR COUNT { (:Model) } <= $walk THEN {
			    RETURN walked AS direct
			  }
			  ELSE {
			    MATCH (i)<-[:SERVES]-(m:Model)
			    WITH DISTINCT m ORDER BY m.id LIMIT $window
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
			  MATCH (i)<-[s:SERVES]-(m)
			  WHERE rank = 0
			  RETURN 'direct' AS via, null AS app, [s] AS rels
			  UNION ALL
			  MATCH (i)<-[s:SERVES]-(a:Application)-[b:BUILT_ON]->(m)
			  WHERE rank = 1
			  RETURN 'application' AS via, a AS app, [s, b] AS rels
			  UNION ALL
			  WITH rank WHERE rank = 2
			  RETURN 'general' AS via, null AS app, [] AS rels
			}
			WITH m, rank, via, app, rels ORDER BY app.id
			WITH m, rank, collect({via: via, app: app, rels: rels}) AS reasons
			ORDER BY rank, m.id
			%s""".formatted(ANSWER);

	private final Neo4jClient client;

	private final int maxRows;

	IndustryQueries(Neo4jClient client, LandscapeProperties properties) {
		this.client = client;
		this.maxRows = properties.query().maxRows();
	}

	/** @param sector a sector of the economy (finance), not a business function (customer service) */
	public record IndustrySummary(String id, String name, String nameEn, Boolean sector, long modelCount) {
	}

	public record VendorRef(String id, String name) {
	}

	public record ApplicationRef(String id, String name) {
	}

	/** @param type the scope (general, industry); @param deployment cloud, device or device-cloud, where stated */
	public record ServingModel(String id, String ref, String name, String nameEn, String type, String deployment,
			VendorRef vendor, String via, ApplicationRef application, List<Evidence> evidence) {
	}

	public List<IndustrySummary> industries() {
		return List.copyOf(client.query(INDUSTRIES)
			.bind(maxRows).to("maxRows")
			.fetchAs(IndustrySummary.class)
			.mappedBy((types, r) -> new IndustrySummary(r.get("id").asString(), r.get("name").asString(),
					r.get("nameEn").asString(null), r.get("sector").isNull() ? null : r.get("sector").asBoolean(),
					r.get("modelCount").asLong()))
			.all());
	}

	/** A page of the models serving an industry: direct first, then through applications, then general ones. */
	@Cacheable("industry-models")
	public List<ServingModel> models(String industryId, boolean includeGeneral, int offset, int limit) {
		return List.copyOf(client.query(MODELS_AT_SCALE)
			.bindAll(Map.of("industry", industryId, "includeGeneral", includeGeneral, "offset", offset, "limit", limit,
					"window", offset + limit, "walk", WALK))
			.fetchAs(ServingModel.class)
			.mappedBy((types, r) -> model(r))
			.all());
	}

	private static ServingModel model(Record r) {
		String id = r.get("id").asString();
		Value vendor = r.get("vendor");
		Value app = r.get("reason").get("app");
		List<Evidence> evidence = r.get("rels")
			.asList(rels -> rels.asList(Evidence::read))
			.stream()
			.flatMap(List::stream)
			.flatMap(List::stream)
			.distinct()
			.toList();
		return new ServingModel(id, "model:" + id, r.get("name").asString(), r.get("nameEn").asString(null),
				r.get("type").asString(null), r.get("deployment").asString(null),
				vendor.isNull() ? null : new VendorRef(vendor.get("id").asString(), vendor.get("name").asString()),
				r.get("reason").get("via").asString(),
				app.isNull() ? null : new ApplicationRef(app.get("id").asString(), app.get("name").asString()), evidence);
	}

}
