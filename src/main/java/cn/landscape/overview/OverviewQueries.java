package cn.landscape.overview;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.NodeRef;
import cn.landscape.evidence.Evidence;

/**
 * The read-only Cypher behind the overview, the timeline and regions at a glance, each mapped into the
 * records the controller answers. Groups are counted whole but list only their first items (the cap);
 * the rest come a page at a time. Each section still reads its whole kind (a million-node landscape's
 * overview takes seconds), and the overview is the page's start view that every visitor asks for: answers are
 * cached, and every seed load empties the caches.
 */
@Component
@Transactional(readOnly = true)
public class OverviewQueries {

	/**
	 * One section of the overview: which nodes (a kind, kept by the filters), how they group, and what a card
	 * shows. Its plain form reads the whole kind and tests each node against the filters. A twin starts from
	 * the industry's or the region's side instead, where that is measured to matter at a million nodes, and
	 * drops the test that its start makes true (OverviewTwinsTest checks that both answer the same).
	 */
	enum Section {

		MODELS("models", "Model", Models.INDUSTRY, Models.REGION, Models.OF_INDUSTRY, Models.OF_REGION, """
				// Scope (type) and deployment, either of which the documents may leave unstated
				WITH n, n.type AS scope, n.deployment AS deployment
				WITH n, null AS g, CASE WHEN scope IS NULL AND deployment IS NULL THEN 'unknown'
				                        WHEN scope IS NULL THEN deployment WHEN deployment IS NULL THEN scope
				                        ELSE scope + '/' + deployment END AS key
				""", Models.BY, Models.FACTS),

		MODELS_BY_LICENCE("models-by-licence", "Model", Models.INDUSTRY, Models.REGION, Models.OF_INDUSTRY,
				Models.OF_REGION, """
				// The licence the Open Source AI Index names, else the access Epoch records
				WITH n, null AS g, coalesce(n.licence, n.accessibility, 'unknown') AS key
				""", Models.BY, Models.FACTS),

		MODELS_BY_COUNTRY("models-by-country", "Model", Models.INDUSTRY, Models.REGION, Models.OF_INDUSTRY,
				Models.OF_REGION, """
				// The country a developer is seated in, up its region chain; else the countries Epoch gives its
				// organisations, China when it is among them (the landscape is China's), else the first
				OPTIONAL MATCH (n)<-[:DEVELOPS]-(:Vendor)-[:LOCATED_IN]->(:Region)-[:PART_OF]->{0,4}(c:Region {level: 'country'})
				WITH n, collect(DISTINCT c.id)[0] AS seat
				WITH n, CASE WHEN seat IS NOT NULL THEN seat WHEN n.countries IS NULL THEN 'unknown'
				             WHEN 'China' IN [x IN split(n.countries, ',') | trim(x)] THEN 'china'
				             ELSE toLower(replace(trim(split(n.countries, ',')[0]), ' ', '-')) END AS key
				OPTIONAL MATCH (g:Region {id: key})
				WITH n, g, key
				""", Models.BY, Models.FACTS),

		VENDORS("vendors", "Vendor", """
				EXISTS { (n)-[:DEVELOPS]->(:Model|Application)-[:SERVES]->(:Industry {id: $industry}) }
				       OR EXISTS { (n)-[:DEVELOPS]->(:Model)<-[:BUILT_ON]-(:Application)-[:SERVES]->(:Industry {id: $industry}) }""",
				"EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF]->{0,4}(:Region {id: $region}) }", """
				MATCH (:Industry {id: $industry})<-[:SERVES]-(:Model|Application)<-[:DEVELOPS]-(n:Vendor) RETURN n
				UNION
				MATCH (:Industry {id: $industry})<-[:SERVES]-(:Application)-[:BUILT_ON]->(:Model)<-[:DEVELOPS]-(n:Vendor) RETURN n""",
				"MATCH (:Region {id: $region})<-[:PART_OF]-{0,4}(:Region)<-[:LOCATED_IN]-(n:Vendor) RETURN DISTINCT n", """
				// A listed company is grouped as listed: the documents say so of some companies only
				WITH n, null AS g, CASE WHEN n.listed = true THEN 'listed' ELSE coalesce(n.category, 'unknown') END AS key
				""", "null", "{category: n.category, listed: n.listed, models: COUNT { (n)-[:DEVELOPS]->(:Model) }}"),

		CHIPS_BY_MAKER("chips-by-maker", "Chip", Chips.INDUSTRY, Chips.REGION, Chips.OF_INDUSTRY, null, """
				OPTIONAL MATCH (n)-[:MADE_BY]->(g:Vendor)
				WITH n, g, coalesce(g.id, 'unknown') AS key
				""", Chips.BY, Chips.FACTS),

		CHIPS_BY_COUNTRY("chips-by-country", "Chip", Chips.INDUSTRY, Chips.REGION, Chips.OF_INDUSTRY, null, """
				// The country of the maker's seat, up its region chain
				OPTIONAL MATCH (n)-[:MADE_BY]->(:Vendor)-[:LOCATED_IN]->(:Region)-[:PART_OF]->{0,4}(g:Region {level: 'country'})
				WITH DISTINCT n, g
				WITH n, g, coalesce(g.id, 'unknown') AS key
				""", Chips.BY, Chips.FACTS);

		/** What the three model sections share: the filters, their twins and the card. */
		private static final class Models {

			static final String INDUSTRY = """
					EXISTS { (n)-[:SERVES]->(:Industry {id: $industry}) }
					       OR EXISTS { (n)<-[:BUILT_ON]-(:Application)-[:SERVES]->(:Industry {id: $industry}) }""";

			static final String REGION = "EXISTS { (n)<-[:DEVELOPS]-(:Vendor)-[:LOCATED_IN]->(:Region)-[:PART_OF]->{0,4}(:Region {id: $region}) }";

			static final String OF_INDUSTRY = """
					MATCH (:Industry {id: $industry})<-[:SERVES]-(n:Model) RETURN n
					UNION
					MATCH (:Industry {id: $industry})<-[:SERVES]-(:Application)-[:BUILT_ON]->(n:Model) RETURN n""";

			static final String OF_REGION = "MATCH (:Region {id: $region})<-[:PART_OF]-{0,4}(:Region)<-[:LOCATED_IN]-(:Vendor)-[:DEVELOPS]->(n:Model) RETURN DISTINCT n";

			static final String BY = "[(n)<-[:DEVELOPS]-(v:Vendor) | %s][0]".formatted(NodeRef.project("v"));

			static final String FACTS = "{type: n.type, deployment: n.deployment, releaseDate: n.releaseDate}";

		}

		/** What both chip sections share; chips are few, so the plain form is fast with a region. */
		private static final class Chips {

			static final String INDUSTRY = "EXISTS { (n)<-[:RUNS_ON|TRAINED_ON]-(:Model)-[:SERVES]->(:Industry {id: $industry}) }";

			static final String REGION = "EXISTS { (n)-[:MADE_BY]->(:Vendor)-[:LOCATED_IN]->(:Region)-[:PART_OF]->{0,4}(:Region {id: $region}) }";

			static final String OF_INDUSTRY = "MATCH (:Industry {id: $industry})<-[:SERVES]-(:Model)-[:RUNS_ON|TRAINED_ON]->(n:Chip) RETURN DISTINCT n";

			static final String BY = "[(n)-[:MADE_BY]->(v:Vendor) | %s][0]".formatted(NodeRef.project("v"));

			static final String FACTS = "{chipType: n.chipType, process: n.process}";

		}

		private static final String IN_DOCUMENT = "($document IS NULL OR EXISTS { (:Document {id: $document})-[:MENTIONS]->(n) })";

		private static final String GROUP = "WITH n, g, key WHERE $group IS NULL OR key = $group\n";

		final String key;

		/** Every node of the kind, tested against each filter. */
		final String rows;

		/** The twins: from the industry's side, and from the region's; null where the plain form is fast enough. */
		final String rowsOfIndustry;

		final String rowsOfRegion;

		final String card;

		Section(String key, String label, String industry, String region, String ofIndustry, String ofRegion,
				String grouping, String by, String facts) {
			this.key = key;
			String industryTest = "($industry IS NULL OR " + industry + ")";
			String regionTest = "($region IS NULL OR " + region + ")";
			this.rows = "MATCH (n:%s)\nWHERE %s\n  AND %s\n  AND %s\n".formatted(label, industryTest, regionTest, IN_DOCUMENT)
					+ grouping + GROUP;
			this.rowsOfIndustry = ofIndustry == null ? null : twin(ofIndustry, regionTest, grouping);
			this.rowsOfRegion = ofRegion == null ? null : twin(ofRegion, industryTest, grouping);
			this.card = "{node: %s, by: %s, facts: %s, stored: %s}".formatted(NodeRef.project("n"), by, facts, stored());
		}

		private static String twin(String source, String otherTest, String grouping) {
			return "CALL () {\n%s\n}\nWITH n WHERE %s\n  AND %s\n".formatted(source.indent(2).stripTrailing(), otherTest,
					IN_DOCUMENT) + grouping + GROUP;
		}

		/** The rows to use: a twin where one applies (the industry's first), unless {@code plain} is asked for. */
		String rows(Filters filters, boolean plain) {
			if (!plain && filters.industry() != null && rowsOfIndustry != null) {
				return rowsOfIndustry;
			}
			if (!plain && filters.region() != null && rowsOfRegion != null) {
				return rowsOfRegion;
			}
			return rows;
		}

		/** What says which of a card's facts are the curators' reading, and why. */
		private static String stored() {
			return "n {.id, .curated, %s}".formatted(Evidence.STORED.stream().map(p -> "." + p).collect(Collectors.joining(", ")));
		}

		/**
		 * Each group's members are collected unsorted; only the groups on the page are sorted, and only
		 * far enough for their first cards (a top-k, not a sort of the whole section).
		 */
		String groups(String rows) {
			return rows + """
					WITH key, g, collect(n) AS members
					WITH key, g, members, size(members) AS total ORDER BY total DESC, key
					WITH collect({key: key, g: g, total: total, members: members}) AS grouped
					RETURN size(grouped) AS groupCount,
					       COLLECT { UNWIND grouped[$groupOffset..($groupOffset + $groupLimit)] AS x
					                 RETURN {key: x.key, node: CASE WHEN x.g IS NULL THEN null ELSE %s END, total: x.total,
					                         items: COLLECT { UNWIND x.members AS n WITH n ORDER BY n.name, n.id LIMIT $cap RETURN %s }} } AS groups
					""".formatted(NodeRef.project("x.g"), card);
		}

		String page(String rows) {
			return rows + """
					WITH collect(n) AS members
					RETURN size(members) AS total,
					       COLLECT { UNWIND members AS n WITH n ORDER BY n.name, n.id SKIP $offset LIMIT $limit RETURN %s } AS items
					""".formatted(card);
		}

	}

	record Filters(String industry, String region, String document) {

		Map<String, Object> parameters() {
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("industry", industry);
			parameters.put("region", region);
			parameters.put("document", document);
			parameters.put("group", null);
			return parameters;
		}
	}

	/** {@code curated}: each of the facts that the curators read rather than a document states, with their reason. */
	record Card(NodeRef node, NodeRef by, Map<String, Object> facts, Map<String, String> curated) {
	}

	record Group(String key, NodeRef node, long count, List<Card> items, boolean more) {
	}

	record SectionAnswer(String section, long groupCount, List<Group> groups, Integer nextGroupOffset) {
	}

	record GroupPage(String section, String group, long count, List<Card> items, Integer nextOffset) {
	}

	record Event(NodeRef node, String date, String month, String precision, String property, List<NodeRef> regions,
			NodeRef by, List<Evidence> evidence) {
	}

	record Dated(NodeRef node, String date) {
	}

	record RegionGlance(NodeRef region, String level, List<NodeRef> parents, long policyCount, List<Dated> policies,
			long vendorCount, List<NodeRef> vendors, long modelCount, List<NodeRef> models) {
	}

	record RegionPage(long total, List<RegionGlance> regions, Integer nextOffset) {
	}

	/** The earliest {@code $limit} events of both kinds; regions and vendor only for those. */
	private static final String EVENTS = """
			WITH n, date, property ORDER BY date, n.id LIMIT $limit
			RETURN %3$s AS node, date, property, n AS stored,
			       CASE property WHEN 'date' THEN [(n)-[:COVERS]->(r:Region) | %1$s]
			            ELSE [(n)<-[:DEVELOPS]-(:Vendor)-[:LOCATED_IN]->(r:Region) | %1$s] END AS regions,
			       CASE property WHEN 'date' THEN null ELSE [(n)<-[:DEVELOPS]-(v:Vendor) | %2$s][0] END AS by
			""".formatted(NodeRef.project("r"), NodeRef.project("v"), NodeRef.project("n"));

	/** Each kind's earliest {@code $limit} first (in date order from its index), then the earliest of both. */
	static final String TIMELINE = """
			CALL () {
			  MATCH (n:Policy) WHERE n.date IS NOT NULL AND ($kind IS NULL OR $kind = 'policy')
			    AND ($region IS NULL OR EXISTS { (:Region {id: $region})<-[:PART_OF]-{0,4}(:Region)<-[:COVERS]-(n) })
			  WITH n, n.date AS date ORDER BY date, n.id LIMIT $limit
			  RETURN n, date, 'date' AS property
			  UNION ALL
			  MATCH (n:Model) WHERE n.releaseDate IS NOT NULL AND ($kind IS NULL OR $kind = 'model')
			    AND ($region IS NULL OR EXISTS { (:Region {id: $region})<-[:PART_OF]-{0,4}(:Region)<-[:LOCATED_IN]-(:Vendor)-[:DEVELOPS]->(n) })
			  WITH n, n.releaseDate AS date ORDER BY date, n.id LIMIT $limit
			  RETURN n, date, 'releaseDate' AS property
			}
			""" + EVENTS;

	/**
	 * {@link #TIMELINE}'s twin for a region: each kind's events found from the region's side. Testing every
	 * dated node against the region took 3-4 s at a million nodes; a region holds a few of them.
	 */
	static final String TIMELINE_IN_REGION = """
			CALL () {
			  MATCH (:Region {id: $region})<-[:PART_OF]-{0,4}(:Region)<-[:COVERS]-(n:Policy)
			  WITH DISTINCT n WHERE n.date IS NOT NULL AND ($kind IS NULL OR $kind = 'policy')
			  WITH n, n.date AS date ORDER BY date, n.id LIMIT $limit
			  RETURN n, date, 'date' AS property
			  UNION ALL
			  MATCH (:Region {id: $region})<-[:PART_OF]-{0,4}(:Region)<-[:LOCATED_IN]-(:Vendor)-[:DEVELOPS]->(n:Model)
			  WITH DISTINCT n WHERE n.releaseDate IS NOT NULL AND ($kind IS NULL OR $kind = 'model')
			  WITH n, n.releaseDate AS date ORDER BY date, n.id LIMIT $limit
			  RETURN n, date, 'releaseDate' AS property
			}
			""" + EVENTS;

	/** The timeline's Cypher as GET /api/overview/timeline runs it: the bench's raw figures run it. */
	public static String timelineCypher(String region) {
		return region == null ? TIMELINE : TIMELINE_IN_REGION;
	}

	/** Each list is counted whole, and only its first {@code $cap} items are sorted out of it (a top-k). */
	static final String REGIONS = """
			MATCH (r:Region)
			WHERE $region IS NULL OR r.id = $region OR EXISTS { (r)-[:PART_OF]->{1,4}(:Region {id: $region}) }
			WITH r, CASE r.level WHEN 'country' THEN 0 WHEN 'cluster' THEN 1 WHEN 'province' THEN 2 WHEN 'city' THEN 3 ELSE 4 END AS rank
			ORDER BY r.id = $region DESC, rank, r.id
			SKIP $offset LIMIT $limit
			// A region holds what its sub-regions hold (广东 holds 深圳), as GET /api/policies counts it
			CALL (r) {
			  MATCH (r)<-[:PART_OF]-{0,4}(:Region)<-[:COVERS]-(p:Policy)
			  WITH collect(DISTINCT p) AS members
			  RETURN size(members) AS policyCount,
			         COLLECT { UNWIND members AS p WITH p ORDER BY p.date IS NULL, p.date, p.id LIMIT $cap RETURN {node: %1$s, date: p.date} } AS policies
			}
			CALL (r) {
			  MATCH (r)<-[:PART_OF]-{0,4}(:Region)<-[:LOCATED_IN]-(v:Vendor)
			  WITH collect(DISTINCT v) AS members
			  RETURN size(members) AS vendorCount, COLLECT { UNWIND members AS v WITH v ORDER BY v.name, v.id LIMIT $cap RETURN %5$s } AS vendors
			}
			CALL (r) {
			  MATCH (r)<-[:PART_OF]-{0,4}(:Region)<-[:LOCATED_IN]-(:Vendor)-[:DEVELOPS]->(m:Model)
			  WITH collect(DISTINCT m) AS members
			  RETURN size(members) AS modelCount, COLLECT { UNWIND members AS m WITH m ORDER BY m.name, m.id LIMIT $cap RETURN %2$s } AS models
			}
			RETURN %3$s AS region, r.level AS level, [(r)-[:PART_OF]->(up:Region) | %4$s] AS parents,
			       policyCount, policies, vendorCount, vendors, modelCount, models
			""".formatted(NodeRef.project("p"), NodeRef.project("m"), NodeRef.project("r"), NodeRef.project("up"),
			NodeRef.project("v"));

	private static final String REGION_COUNT = """
			MATCH (r:Region)
			WHERE $region IS NULL OR r.id = $region OR EXISTS { (r)-[:PART_OF]->{1,4}(:Region {id: $region}) }
			RETURN count(r) AS total
			""";

	private static final String DOCUMENT = "MATCH (d:Document {id: $id}) RETURN d.id AS id";

	private static final String DOCUMENT_IDS = "MATCH (d:Document) RETURN d.id AS id ORDER BY id LIMIT 20";

	/**
	 * The Cypher of each section as GET /api/overview runs it, with or without an industry or a region (the
	 * twin where one applies): the bench's raw figures run these.
	 */
	public static List<String> overviewCypher(String industry, String region) {
		Filters filters = new Filters(industry, region, null);
		return java.util.Arrays.stream(Section.values()).map(s -> s.groups(s.rows(filters, false))).toList();
	}

	private final Neo4jClient client;

	private final int maxRows;

	OverviewQueries(Neo4jClient client, LandscapeProperties properties) {
		this.client = client;
		this.maxRows = properties.query().maxRows();
	}

	/** The row cap, landscape.query.max-rows. */
	int maxRows() {
		return maxRows;
	}

	private <T> List<T> list(String cypher, Map<String, Object> parameters, Class<T> type, Function<Record, T> mapper) {
		return List.copyOf(client.query(cypher).bindAll(parameters).fetchAs(type).mappedBy((types, r) -> mapper.apply(r)).all());
	}

	private <T> T one(String cypher, Map<String, Object> parameters, Class<T> type, Function<Record, T> mapper) {
		return list(cypher, parameters, type, mapper).getFirst();
	}

	@Cacheable("overview-groups")
	SectionAnswer groups(Section section, Filters filters, int cap, int groupOffset, int groupLimit) {
		return groups(section, filters, cap, groupOffset, groupLimit, false);
	}

	/** {@code plain}: the section's plain form even where a tuned twin applies (to test that they agree). */
	SectionAnswer groups(Section section, Filters filters, int cap, int groupOffset, int groupLimit, boolean plain) {
		Map<String, Object> parameters = filters.parameters();
		parameters.put("cap", cap);
		parameters.put("groupOffset", groupOffset);
		parameters.put("groupLimit", groupLimit);
		return one(section.groups(section.rows(filters, plain)), parameters, SectionAnswer.class, r -> {
			long groupCount = r.get("groupCount").asLong();
			List<Group> groups = r.get("groups").asList(g -> {
				List<Card> items = g.get("items").asList(OverviewQueries::card);
				long total = g.get("total").asLong();
				return new Group(g.get("key").asString(), NodeRef.of(g.get("node")), total, items, total > items.size());
			});
			int next = groupOffset + groups.size();
			return new SectionAnswer(section.key, groupCount, groups, next < groupCount ? next : null);
		});
	}

	@Cacheable("overview-pages")
	GroupPage page(Section section, Filters filters, String group, int offset, int limit) {
		Map<String, Object> parameters = filters.parameters();
		parameters.put("group", group);
		parameters.put("offset", offset);
		parameters.put("limit", limit);
		return one(section.page(section.rows(filters, false)), parameters, GroupPage.class, r -> {
			long total = r.get("total").asLong();
			List<Card> items = r.get("items").asList(OverviewQueries::card);
			int next = offset + items.size();
			return new GroupPage(section.key, group, total, items, next < total ? next : null);
		});
	}

	@Cacheable("timeline")
	List<Event> timeline(String region, String kind, int limit) {
		return timeline(region, kind, limit, false);
	}

	/** {@code plain}: the plain form even with a region (to test that the twins agree). */
	List<Event> timeline(String region, String kind, int limit, boolean plain) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("region", region);
		parameters.put("kind", kind);
		parameters.put("limit", limit);
		return list(plain ? TIMELINE : timelineCypher(region), parameters, Event.class, OverviewQueries::event);
	}

	@Cacheable("overview-regions")
	RegionPage regions(String region, int cap, int offset, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("region", region);
		parameters.put("cap", cap);
		parameters.put("offset", offset);
		parameters.put("limit", limit);
		List<RegionGlance> regions = list(REGIONS, parameters, RegionGlance.class, OverviewQueries::glance);
		long total = one(REGION_COUNT, parameters, Long.class, r -> r.get("total").asLong());
		int next = offset + regions.size();
		return new RegionPage(total, regions, next < total ? next : null);
	}

	boolean documentExists(String id) {
		return !list(DOCUMENT, Map.of("id", id), String.class, r -> r.get("id").asString()).isEmpty();
	}

	List<String> documentIds() {
		return list(DOCUMENT_IDS, Map.of(), String.class, r -> r.get("id").asString());
	}

	private static Card card(Value value) {
		Map<String, Object> facts = new LinkedHashMap<>();
		value.get("facts").asMap().forEach((key, fact) -> {
			if (fact != null) {
				facts.put(key, fact);
			}
		});
		Value stored = value.get("stored");
		List<String> curatedFacts = stored.get("curated").asList(Value::asString, List.of());
		Map<String, List<Evidence>> evidence = Evidence.readByProperty(stored.asMap());
		Map<String, String> curated = new LinkedHashMap<>();
		facts.keySet().stream().filter(curatedFacts::contains).forEach(key -> curated.put(key, evidence
			.getOrDefault(key, List.of()).stream().map(Evidence::curated).filter(Objects::nonNull).findFirst().orElse("")));
		return new Card(NodeRef.of(value.get("node")), NodeRef.of(value.get("by")), facts, curated);
	}

	private static Event event(Record r) {
		String date = r.get("date").asString();
		String property = r.get("property").asString();
		String precision = switch (date.length()) {
			case 4 -> "year";
			case 7 -> "month";
			default -> "day";
		};
		return new Event(NodeRef.of(r.get("node")), date, date.length() >= 7 ? date.substring(0, 7) : date, precision,
				property, r.get("regions").asList(NodeRef::of), NodeRef.of(r.get("by")),
				Evidence.readByProperty(r.get("stored").asMap()).getOrDefault(property, List.of()));
	}

	private static RegionGlance glance(Record r) {
		return new RegionGlance(NodeRef.of(r.get("region")), r.get("level").asString(null), r.get("parents").asList(NodeRef::of),
				r.get("policyCount").asLong(),
				r.get("policies").asList(p -> new Dated(NodeRef.of(p.get("node")), p.get("date").asString(null))),
				r.get("vendorCount").asLong(), r.get("vendors").asList(NodeRef::of), r.get("modelCount").asLong(),
				r.get("models").asList(NodeRef::of));
	}

}
