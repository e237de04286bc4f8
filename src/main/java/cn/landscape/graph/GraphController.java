package cn.landscape.graph;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.entity.NodeRef;
import cn.landscape.entity.Refs;
import cn.landscape.graph.GraphQueries.Connection;
import cn.landscape.graph.GraphQueries.Document;
import cn.landscape.graph.GraphQueries.Neighbourhood;
import cn.landscape.graph.GraphQueries.Stats;
import cn.landscape.web.BadParameterException;
import cn.landscape.web.MaxRows;

/** The landscape as a graph: a neighbourhood to draw, the shortest connections, the counts, the documents. */
@RestController
@Tag(name = "Graph")
class GraphController {

	private final GraphQueries queries;

	private final Refs refs;

	GraphController(GraphQueries queries, Refs refs) {
		this.queries = queries;
		this.refs = refs;
	}

	record Connections(NodeRef from, NodeRef to, List<Connection> paths) {
	}

	@GetMapping("/api/graph")
	@Operation(summary = "The neighbourhood of an entity for drawing: nodes and edges up to depth hops, capped at limit nodes",
			description = "Node ids are qualified refs (kind:id), unique across kinds; edges point at them. Documents' MENTIONS are left out.")
	Neighbourhood graph(
			@Parameter(description = "The entity at the centre: id, kind:id, name or alias", example = "iflytek") @RequestParam(required = false) String focus,
			@Parameter(description = "Hops from the focus, 1 to 3", example = "1") @RequestParam(defaultValue = "1") @Range(min = 1, max = GraphQueries.MAX_DEPTH) Integer depth,
			@Parameter(description = "At most this many nodes, 1 to landscape.query.max-rows", example = "150") @RequestParam(defaultValue = "150") @MaxRows Integer limit) {
		return queries.neighbourhood(refs.resolve("focus", focus, null), depth, limit);
	}

	@GetMapping("/api/path")
	@Operation(summary = "The shortest connections between two entities, each a list of hops with evidence")
	Connections path(
			@Parameter(description = "Start: id, kind:id, name or alias", example = "pangu-3-0") @RequestParam(required = false) String from,
			@Parameter(description = "End: id, kind:id, name or alias", example = "nvidia") @RequestParam(required = false) String to,
			@Parameter(description = "Longest connection in hops, 1 to 6", example = "4") @RequestParam(defaultValue = "4") @Range(min = 1, max = GraphQueries.MAX_PATH_DEPTH) Integer maxDepth) {
		NodeRef a = refs.resolve("from", from, null);
		NodeRef b = refs.resolve("to", to, null);
		if (a.ref().equals(b.ref())) {
			throw new BadParameterException("to", "is the same entity as 'from'");
		}
		return new Connections(a, b, queries.paths(a, b, maxDepth));
	}

	@GetMapping("/api/stats")
	@Operation(summary = "How many nodes of each kind and relationships of each type the graph holds")
	Stats stats() {
		return queries.stats();
	}

	@GetMapping("/api/documents")
	@Operation(summary = "The source documents: title, publisher, date, URL, file name, how many entities each names, and which text is machine-written (derivedFrom: the document it was written from; derivedSections: its machine-written parts)")
	List<Document> documents() {
		return queries.documents();
	}

}
