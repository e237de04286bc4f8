package cn.landscape.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.neo4j.driver.Record;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.neo4j.driver.Value;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.Hop;
import cn.landscape.entity.Kind;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.RelType;

/** The landscape as a graph: a neighbourhood to draw, the shortest connections, the counts, the documents. */
@Component
@Transactional(readOnly = true)
public class GraphQueries {

	/** Every type but MENTIONS: the documents would connect everything to everything in one hop. */
	static final String TYPES = Arrays.stream(RelType.values())
		.filter(t -> t != RelType.MENTIONS)
		.map(RelType::name)
		.collect(Collectors.joining("|"));

	public static final int MAX_DEPTH = 3;

	public static final int MAX_PATH_DEPTH = 6;

	// The depth is part of the pattern, which Cypher does not parameterise: one fixed text per allowed depth.
	// The neighbours are collected inside the CALL: OPTIONAL CALL … RETURN DISTINCT n LIMIT $limit, collected
	// outside, failed over Bolt with Neo4j's internal "assertion failed" on small graphs (GraphQueriesTest).
	private static final List<String> NEIGHBOURHOOD = IntStream.rangeClosed(1, MAX_DEPTH).mapToObj(depth -> """
			MATCH (f:Entity {id: $id}) WHERE $label IN labels(f)
			CALL (f) {
			  OPTIONAL MATCH (f)-[:%s*1..%d]-(n) WHERE n <> f
			  WITH DISTINCT n LIMIT $limit
			  RETURN collect(n) AS others
			}
			WITH f, [f] + others[..$limit - 1] AS nodes, size(others) > $limit - 1 AS truncated
			UNWIND nodes AS a
			OPTIONAL MATCH (a)-[r:%s]->(b) WHERE b IN nodes
			WITH f, nodes, truncated, collect(DISTINCT r) AS rels
			RETURN %s AS focus, [x IN nodes | %s] AS nodes,
			       [r IN rels | {source: %s, target: %s, type: type(r)}] AS edges, truncated
			""".formatted(TYPES, depth, TYPES, NodeRef.project("f"), NodeRef.project("x"),
			NodeRef.project("startNode(r)"), NodeRef.project("endNode(r)"))).toList();

	private static final List<String> SHORTEST_PATHS = IntStream.rangeClosed(1, MAX_PATH_DEPTH).mapToObj(depth -> """
			MATCH (a:Entity {id: $fromId}) WHERE $fromLabel IN labels(a)
			MATCH (b:Entity {id: $toId}) WHERE $toLabel IN labels(b)
			MATCH p = ALL SHORTEST (a)-[:%s]-{1,%d}(b)
			WITH p LIMIT $limit
			RETURN [r IN relationships(p) | %s] AS hops
			""".formatted(TYPES, depth, Hop.project("r"))).toList();

	private static final String STATS = "CALL () { "
			+ Arrays.stream(Kind.values())
				.map(k -> "MATCH (n:`%s`) RETURN 'node' AS what, '%s' AS name, count(n) AS count".formatted(k.label(), k.key()))
				.collect(Collectors.joining(" UNION ALL "))
			+ " UNION ALL "
			+ Arrays.stream(RelType.values())
				.map(t -> "MATCH ()-[r:`%1$s`]->() RETURN 'rel' AS what, '%1$s' AS name, count(r) AS count".formatted(t.name()))
				.collect(Collectors.joining(" UNION ALL "))
			+ " } RETURN what, name, count";

	private static final String DOCUMENTS = """
			MATCH (d:Document)
			RETURN d.id AS id, d.name AS title, d.publisher AS publisher, d.date AS date, d.url AS url,
			       d.sourceFile AS sourceFile, d.kind AS kind, d.derivedFrom AS derivedFrom,
			       coalesce(d.derivedSections, []) AS derivedSections, COUNT { (d)-[:MENTIONS]->() } AS mentions,
			       d.licence AS licence, d.attribution AS attribution
			ORDER BY d.id LIMIT $maxRows
			""";

	private final Neo4jClient client;

	private final int maxRows;

	GraphQueries(Neo4jClient client, LandscapeProperties properties) {
		this.client = client;
		this.maxRows = properties.query().maxRows();
	}

	public record GraphNode(String id, String kind, String name, String nameEn) {

		static GraphNode of(NodeRef n) {
			return new GraphNode(n.ref(), n.kind(), n.name(), n.nameEn());
		}
	}

	public record GraphEdge(String source, String target, String type) {
	}

	public record Neighbourhood(GraphNode focus, List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {
	}

	public record Connection(List<Hop> hops) {
	}

	public record Stats(Map<String, Long> nodes, Map<String, Long> relationships, long totalNodes,
			long totalRelationships) {
	}

	/**
	 * A source document. {@code derivedFrom}: the document it was machine-written from; {@code derivedSections}:
	 * its machine-written parts, as evidence cites them (evidence from either carries derivedFrom).
	 */
	/** A document, or a dataset (kind "dataset") with the licence and attribution to show beside its facts. */
	public record Document(String id, String title, String publisher, String date, String url, String sourceFile,
			String kind, String derivedFrom, List<String> derivedSections, long mentions,
			@JsonInclude(JsonInclude.Include.NON_NULL) String licence,
			@JsonInclude(JsonInclude.Include.NON_NULL) String attribution) {
	}

	/** The Cypher of a neighbourhood of that many hops. */
	public static String neighbourhoodCypher(int depth) {
		return NEIGHBOURHOOD.get(depth - 1);
	}

	/** The Cypher of the shortest connections of at most that many hops. */
	public static String pathCypher(int maxDepth) {
		return SHORTEST_PATHS.get(maxDepth - 1);
	}

	public Neighbourhood neighbourhood(NodeRef focus, int depth, int limit) {
		return client.query(neighbourhoodCypher(depth))
			.bindAll(Map.of("id", focus.id(), "label", label(focus), "limit", limit))
			.fetchAs(Neighbourhood.class)
			.mappedBy((types, r) -> neighbourhood(r))
			.one()
			.orElseThrow();
	}

	public List<Connection> paths(NodeRef from, NodeRef to, int maxDepth) {
		Map<String, Object> params = Map.of("fromId", from.id(), "fromLabel", label(from), "toId", to.id(), "toLabel",
				label(to), "limit", 10);
		return List.copyOf(client.query(pathCypher(maxDepth))
			.bindAll(params)
			.fetchAs(Connection.class)
			.mappedBy((types, r) -> new Connection(Hop.path(r.get("hops"))))
			.all());
	}

	public Stats stats() {
		Map<String, Long> nodes = new TreeMap<>();
		Map<String, Long> rels = new TreeMap<>();
		client.query(STATS).fetch().all().forEach(row -> (row.get("what").equals("node") ? nodes : rels)
			.put((String) row.get("name"), ((Number) row.get("count")).longValue()));
		return new Stats(nodes, rels, nodes.values().stream().mapToLong(Long::longValue).sum(),
				rels.values().stream().mapToLong(Long::longValue).sum());
	}

	public List<Document> documents() {
		return List.copyOf(client.query(DOCUMENTS)
			.bind(maxRows).to("maxRows")
			.fetchAs(Document.class)
			.mappedBy((types, r) -> new Document(r.get("id").asString(), r.get("title").asString(),
					r.get("publisher").asString(null), r.get("date").asString(null), r.get("url").asString(null),
					r.get("sourceFile").asString(null), r.get("kind").asString(null), r.get("derivedFrom").asString(null),
					r.get("derivedSections").asList(Value::asString), r.get("mentions").asLong(),
					r.get("licence").asString(null), r.get("attribution").asString(null)))
			.all());
	}

	private static String label(NodeRef n) {
		return Kind.fromKey(n.kind()).orElseThrow().label();
	}

	private static Neighbourhood neighbourhood(Record r) {
		List<GraphEdge> edges = r.get("edges")
			.asList(e -> new GraphEdge(NodeRef.of(e.get("source")).ref(), NodeRef.of(e.get("target")).ref(),
					e.get("type").asString()));
		return new Neighbourhood(GraphNode.of(NodeRef.of(r.get("focus"))),
				r.get("nodes").asList(n -> GraphNode.of(NodeRef.of(n))), edges, r.get("truncated").asBoolean());
	}

}
