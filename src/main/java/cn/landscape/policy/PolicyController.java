package cn.landscape.policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.neo4j.driver.Record;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.catalog.Evidence;
import cn.landscape.catalog.Kind;
import cn.landscape.catalog.Linked;
import cn.landscape.catalog.NodeRef;
import cn.landscape.catalog.Reads;
import cn.landscape.catalog.Refs;
import cn.landscape.web.BadParameterException;

/** Policies by region, date and issuer. */
@RestController
@Tag(name = "Policies")
class PolicyController {

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

	private static final String POLICIES = "MATCH (p:Policy)\n" + FILTER + ANSWER;

	// With a region, from the region down its tree (sub-regions up to four levels) to the policies that
	// cover any of it, instead of testing every policy.
	private static final String POLICIES_IN_REGION = """
			MATCH (:Region {id: $region})<-[:PART_OF]-{0,4}(:Region)<-[:COVERS]-(p:Policy)
			WITH DISTINCT p
			""" + FILTER + ANSWER;

	private final Reads reads;

	private final Refs refs;

	PolicyController(Reads reads, Refs refs) {
		this.reads = reads;
		this.refs = refs;
	}

	record PolicyItem(String id, String ref, String name, String nameEn, String date, String summary, String scope,
			List<Linked> issuers, List<Linked> regions, List<Evidence> evidence) {
	}

	@GetMapping("/api/policies")
	@Operation(summary = "Policies sorted by date; a region includes its sub-regions (广东 includes 深圳)",
			description = "Policies whose date the documents do not give come last, and are left out when from or to is set.")
	List<PolicyItem> policies(
			@Parameter(description = "Region id, name or alias; sub-regions are included", example = "广东") @RequestParam(required = false) String region,
			@Parameter(description = "Earliest date, ISO: 2023, 2023-05 or 2023-05-01", example = "2023-01") @RequestParam(required = false) String from,
			@Parameter(description = "Latest date, ISO", example = "2023-12") @RequestParam(required = false) String to,
			@Parameter(description = "Issuing body: id, name or alias", example = "北京市人民政府") @RequestParam(required = false) String issuer,
			@Parameter(description = "At most this many, 1 to landscape.query.max-rows", example = "100") @RequestParam(required = false) Integer limit) {
		String fromDate = date("from", from);
		String toDate = date("to", to);
		if (fromDate != null && toDate != null && fromDate.compareTo(toDate) > 0 && !fromDate.startsWith(toDate)) {
			throw new BadParameterException("from", "'" + from + "' is after to='" + to + "'");
		}
		Map<String, Object> params = new HashMap<>();
		params.put("from", fromDate);
		params.put("to", toDate);
		params.put("dated", fromDate != null || toDate != null);
		params.put("region", region == null ? null : refs.resolve("region", region, Kind.REGION).id());
		params.put("issuer", issuer == null ? null : refs.resolve("issuer", issuer, Kind.BODY).id());
		params.put("limit", BadParameterException.range("limit", limit, 100, 1, reads.maxRows()));
		return reads.list(params.get("region") == null ? POLICIES : POLICIES_IN_REGION, params, PolicyController::item);
	}

	private static PolicyItem item(Record r) {
		String id = r.get("id").asString();
		return new PolicyItem(id, "policy:" + id, r.get("name").asString(), r.get("nameEn").asString(null),
				r.get("date").asString(null), r.get("summary").asString(null), r.get("scope").asString(null),
				Linked.list(r.get("issuers")), Linked.list(r.get("regions")),
				r.get("mentions").asList(Evidence::of).stream().flatMap(List::stream).toList());
	}



	/** Accepts 2023, 2023-05 or 2023-05-12 and checks it is a real date. */
	private static String date(String parameter, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		try {
			if (v.matches("\\d{4}")) {
				return v;
			}
			if (v.matches("\\d{4}-\\d{2}")) {
				return YearMonth.parse(v).toString();
			}
			return LocalDate.parse(v).toString();
		}
		catch (DateTimeParseException ex) {
			throw new BadParameterException(parameter, "'" + value + "' is not an ISO date (2023, 2023-05 or 2023-05-12)");
		}
	}

}
