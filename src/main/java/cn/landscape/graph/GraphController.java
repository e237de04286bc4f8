package cn.landscape.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.neo4j.driver.Record;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.catalog.Hop;
import cn.landscape.catalog.Kind;
import cn.landscape.catalog.NodeRef;
import cn.landscape.catalog.Reads;
import cn.landscape.catalog.RelType;
import cn.landscape.catalog.Refs;
import cn.landscape.web.BadParameterException;

/** The landscape as a graph: a neighbourhood to draw, the shortest connections, the counts. */
@RestController
@Tag(name = "Graph")
class GraphController {

	/** Every type but MENTIONS: the documents would connect everything to everything in one hop. */
	static final String TYPES = Arrays.stream(RelType.values())
		.filter(t -> t != RelType.MENTIONS)
		.map(RelType::name)
		.collect(Collectors.joining("|"));

	private static final int MAX_DEPTH = 3;

	private static final int MAX_PATH_DEPTH = 6;

	private final Reads reads;

	private final Refs refs;

	private final List<String> neighbourhood;

	private final List<String> shortestPaths;

	private final String stats;

	GraphController(Reads reads, Refs refs) {
		this.reads = reads;
		this.refs = refs;
		// The depth is part of the pattern, which Cypher does not parameterise: one fixed text per allowed depth.
		this.neighbourhood = java.util.stream.IntStream.rangeClosed(1, MAX_DEPTH).mapToObj(depth -> """
				MATCH (f:Entity {id: $id}) WHERE $label IN labels(f)
				OPTIONAL CALL (f) {
				  MATCH (f)-[:%s]-{1,%d}(n) WHERE n <> f
				  RETURN DISTINCT n LIMIT $limit
				}
				WITH f, collect(n) AS others
				WITH f, [f] + others[..$limit - 1] AS nodes, size(others) > $limit - 1 AS truncated
				UNWIND nodes AS a
				OPTIONAL MATCH (a)-[r:%s]->(b) WHERE b IN nodes
				WITH f, nodes, truncated, collect(DISTINCT r) AS rels
				RETURN %s AS focus, [x IN nodes | %s] AS nodes,
				       [r IN rels | {source: %s, target: %s, type: type(r)}] AS edges, truncated
				""".formatted(TYPES, depth, TYPES, NodeRef.project("f"), NodeRef.project("x"),
				NodeRef.project("startNode(r)"), NodeRef.project("endNode(r)"))).toList();
		this.shortestPaths = java.util.stream.IntStream.rangeClosed(1, MAX_PATH_DEPTH).mapToObj(depth -> """
				MATCH (a:Entity {id: $fromId}) WHERE $fromLabel IN labels(a)
				MATCH (b:Entity {id: $toId}) WHERE $toLabel IN labels(b)
				MATCH p = ALL SHORTEST (a)-[:%s]-{1,%d}(b)
				WITH p LIMIT $limit
				RETURN [r IN relationships(p) | %s] AS hops
				""".formatted(TYPES, depth, Hop.project("r"))).toList();
		this.stats = "CALL () { "
				+ Arrays.stream(Kind.values())
					.map(k -> "MATCH (n:`%s`) RETURN 'node' AS what, '%s' AS name, count(n) AS count".formatted(k.label(), k.key()))
					.collect(Collectors.joining(" UNION ALL "))
				+ " UNION ALL "
				+ Arrays.stream(RelType.values())
					.map(t -> "MATCH ()-[r:`%1$s`]->() RETURN 'rel' AS what, '%1$s' AS name, count(r) AS count".formatted(t.name()))
					.collect(Collectors.joining(" UNION ALL "))
				+ " } RETURN what, name, count";
	}

	record GraphNode(String id, String kind, String name, String nameEn) {

		static GraphNode of(NodeRef n) {
			return new GraphNode(n.ref(), n.kind(), n.name(), n.nameEn());
		}
	}

	record GraphEdge(String source, String target, String type) {
	}

	record Neighbourhood(GraphNode focus, List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {
	}

	record Connection(List<Hop> hops) {
	}

	record Connections(NodeRef from, NodeRef to, List<Connection> paths) {
	}

	record Stats(Map<String, Long> nodes, Map<String, Long> relationships, long totalNodes, long totalRelationships) {
	}

	@GetMapping("/api/graph")
	@Operation(summary = "The neighbourhood of an entity for drawing: nodes and edges up to depth hops, capped at limit nodes",
			description = "Node ids are qualified refs (kind:id), unique across kinds; edges point at them. Documents' MENTIONS are left out.")
	Neighbourhood graph(
			@Parameter(description = "The entity at the centre: id, kind:id, name or alias", example = "iflytek") @RequestParam(required = false) String focus,
			@Parameter(description = "Hops from the focus, 1 to 3", example = "1") @RequestParam(required = false) Integer depth,
			@Parameter(description = "At most this many nodes, 1 to landscape.query.max-rows", example = "150") @RequestParam(required = false) Integer limit) {
		int hops = BadParameterException.range("depth", depth, 1, 1, MAX_DEPTH);
		int size = BadParameterException.range("limit", limit, 150, 1, reads.maxRows());
		NodeRef f = refs.resolve("focus", focus, null);
		Map<String, Object> params = Map.of("id", f.id(), "label", label(f), "limit", size);
		return reads.one(neighbourhood.get(hops - 1), params, GraphController::neighbourhood).orElseThrow();
	}

	@GetMapping("/api/path")
	@Operation(summary = "The shortest connections between two entities, each a list of hops with evidence")
	Connections path(
			@Parameter(description = "Start: id, kind:id, name or alias", example = "pangu-3") @RequestParam(required = false) String from,
			@Parameter(description = "End: id, kind:id, name or alias", example = "nvidia") @RequestParam(required = false) String to,
			@Parameter(description = "Longest connection in hops, 1 to 6", example = "4") @RequestParam(required = false) Integer maxDepth) {
		int depth = BadParameterException.range("maxDepth", maxDepth, 4, 1, MAX_PATH_DEPTH);
		NodeRef a = refs.resolve("from", from, null);
		NodeRef b = refs.resolve("to", to, null);
		if (a.ref().equals(b.ref())) {
			throw new BadParameterException("to", "is the same entity as 'from'");
		}
		Map<String, Object> params = Map.of("fromId", a.id(), "fromLabel", label(a), "toId", b.id(), "toLabel", label(b),
				"limit", 10);
		List<Connection> paths = reads.list(shortestPaths.get(depth - 1), params, r -> new Connection(Hop.path(r.get("hops"))));
		return new Connections(a, b, paths);
	}

	@GetMapping("/api/stats")
	@Operation(summary = "How many nodes of each kind and relationships of each type the graph holds")
	Stats stats() {
		Map<String, Long> nodes = new java.util.TreeMap<>();
		Map<String, Long> rels = new java.util.TreeMap<>();
		reads.list(stats, Map.of(), r -> {
			(r.get("what").asString().equals("node") ? nodes : rels).put(r.get("name").asString(), r.get("count").asLong());
			return r;
		});
		return new Stats(nodes, rels, nodes.values().stream().mapToLong(Long::longValue).sum(),
				rels.values().stream().mapToLong(Long::longValue).sum());
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
