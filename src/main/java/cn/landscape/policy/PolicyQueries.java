package cn.landscape.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.landscape.entity.Linked;
import cn.landscape.entity.NodeRef;
import cn.landscape.evidence.Evidence;

/** Policies by region, date and issuer: read-only Cypher projections. */
@Component
@Transactional(readOnly = true)
public class PolicyQueries {

	// Dates are ISO text of varying precision ("2023", "2023-05", "2023-05-12"), so they compare as text:
	// a policy of "2023-05" is inside to=2023-05 and to=2023-05-31 alike.
	private static final String FILTER = """
			WHERE ($from IS NULL OR p.date >= $from OR $from STARTS WITH p.date)
			  AND ($to IS NULL OR p.date <= $to OR p.date STARTS WITH $to)
			  AND ($issuer IS NULL OR EXISTS { (p)-[:ISSUED_BY]->(:Body {id: $issuer}) })
			  AND ($dated = false OR p.date IS NOT NULL)
			""";

	private static final String ANSWER = """
			WITH p ORDER BY p.date IS NULL, p.date, p.id
			LIMIT $limit
			RETURN p.id AS id, p.name AS name, p.nameEn AS nameEn, p.date AS date, p.summary AS summary, p.scope AS scope,
			       [(p)-[r:ISSUED_BY]->(b:Body) | {node: %s, rel: r}] AS issuers,
			       [(p)-[r:COVERS]->(g:Region) | {node: %s, rel: r}] AS regions,
			       [(d:Document)-[m:MENTIONS]->(p) | m] AS mentions
			""".formatted(NodeRef.project("b"), NodeRef.project("g"));

	public static final String POLICIES = "MATCH (p:Policy)\n" + FILTER + ANSWER;

	// A region includes its sub-regions (up to four levels down).
	public static final String POLICIES_IN_REGION = """
			MATCH (:Region {id: $region})<-[:PART_OF*0..4]-(:Region)<-[:COVERS]-(p:Policy)
			WITH DISTINCT p
			""" + FILTER + ANSWER;

	private final Neo4jClient client;

	PolicyQueries(Neo4jClient client) {
		this.client = client;
	}

	public record PolicyItem(String id, String ref, String name, String nameEn, String date, String summary,
			String scope, List<Linked> issuers, List<Linked> regions, List<Evidence> evidence) {
	}

	/** Any argument may be null: no filter. Dates are ISO text (2023, 2023-05, 2023-05-12). */
	public List<PolicyItem> policies(String regionId, String from, String to, String issuerId, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("region", regionId);
		params.put("from", from);
		params.put("to", to);
		params.put("dated", from != null || to != null);
		params.put("issuer", issuerId);
		params.put("limit", limit);
		return List.copyOf(client.query(regionId == null ? POLICIES : POLICIES_IN_REGION)
			.bindAll(params)
			.fetchAs(PolicyItem.class)
			.mappedBy((types, r) -> item(r))
			.all());
	}

	private static PolicyItem item(Record r) {
		String id = r.get("id").asString();
		return new PolicyItem(id, "policy:" + id, r.get("name").asString(), r.get("nameEn").asString(null),
				r.get("date").asString(null), r.get("summary").asString(null), r.get("scope").asString(null),
				Linked.list(r.get("issuers")), Linked.list(r.get("regions")),
				r.get("mentions").asList(Evidence::read).stream().flatMap(List::stream).toList());
	}

}
