package cn.landscape.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.landscape.entity.Kind;
import cn.landscape.web.BadParameterException;

/**
 * The whole graph as JSON, CSV or GraphML (Gephi, yEd). Streamed record by record from a read
 * transaction: unlike the answers of the other endpoints it is not capped, so it is never held in memory.
 */
@RestController
@Tag(name = "Export")
class ExportController {

	// Per kind in id order, which the kind's id constraint index yields with no Sort: the rows leave as they are
	// read, so neither the database nor the service holds the whole graph. The order is kind, id.
	private static final String NODES = """
			MATCH (n:%s) WHERE n.id IS NOT NULL
			RETURN n{.*, keys: null, seedHash: null} AS props
			ORDER BY n.id
			""";

	/**
	 * Per start node in the same order, each node's relationships by type, then by the other end's id. A node
	 * with at most {@link #SORTED} relationships has them sorted in memory. Over that (a document naming most of
	 * a million-node graph), each of its types with more takes the other ends in id order from the Entity id
	 * index and keeps those it reaches, so that nothing is sorted: sorting 350,000 relationships with their
	 * evidence exhausted a 512 MB heap.
	 */
	static final String RELATIONSHIPS = """
			MATCH (a:%s) WHERE a.id IS NOT NULL
			WITH a ORDER BY a.id
			CALL (a) {
			  WITH a WHERE COUNT { (a)-->() } <= $sorted
			  MATCH (a)-[r]->(b:Entity)
			  RETURN r, b ORDER BY type(r), b.id
			  UNION ALL
			  WITH a WHERE COUNT { (a)-->() } > $sorted
			  CALL (a) {
			    MATCH (a)-[r]->()
			    RETURN type(r) AS type, count(*) AS degree ORDER BY type
			  }
			  CALL (a, type, degree) {
			    WITH a, type WHERE degree <= $sorted
			    MATCH (a)-[r:$(type)]->(b:Entity)
			    RETURN r, b ORDER BY b.id
			    UNION ALL
			    WITH a, type WHERE degree > $sorted
			    // A subquery of its own, so that the index is read only for these types
			    CALL (a, type) {
			      MATCH (b:Entity) WHERE b.id IS NOT NULL
			      WITH a, type, b ORDER BY b.id
			      MATCH (a)-[r:$(type)]->(b)
			      RETURN r, b
			    }
			    RETURN r, b
			  }
			  RETURN r, b
			}
			RETURN type(r) AS type, a.id AS fromId, [l IN labels(b) WHERE l <> 'Entity'][0] AS toLabel, b.id AS toId,
			       r{.*, seedHash: null} AS props
			""";

	/** The most relationships of one start node sorted in memory (a few MB with their evidence). */
	static final int SORTED = 5_000;

	private final Driver driver;

	private final JsonMapper json;

	ExportController(Driver driver, JsonMapper json) {
		this.driver = driver;
		this.json = json;
	}

	@GetMapping("/api/export")
	@Operation(summary = "The whole graph: every node with its labels and properties, every relationship with its type, both ends and its properties (evidence included)",
			description = "Node and relationship ends are qualified refs kind:id. csv is one table with an element column; graphml opens in Gephi and yEd.")
	ResponseEntity<StreamingResponseBody> export(
			@Parameter(description = "json (default), csv or graphml", example = "json") @RequestParam(defaultValue = "json") String format) {
		return switch (format.toLowerCase()) {
			case "json" -> file(MediaType.APPLICATION_JSON, "landscape.json", this::writeJson);
			case "csv" -> file(new MediaType("text", "csv", StandardCharsets.UTF_8), "landscape.csv", this::writeCsv);
			case "graphml" -> file(MediaType.APPLICATION_XML, "landscape.graphml", this::writeGraphml);
			default -> throw new BadParameterException("format", "'" + format + "' is not one of json, csv, graphml");
		};
	}

	private ResponseEntity<StreamingResponseBody> file(MediaType type, String name, Writing writing) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(writing::write);
	}

	@FunctionalInterface
	private interface Writing {

		void write(OutputStream out) throws IOException;

	}

	/**
	 * One transaction for the whole file, so that a seed load meanwhile cannot put half of each state in it, and
	 * one that is never retried (unlike executeRead): when it fails, part of the file has been sent already, and
	 * a retry would send it again.
	 */
	private void read(Consumer<Transaction> reading) {
		try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
				Transaction tx = session.beginTransaction()) {
			reading.accept(tx);
			tx.commit();
		}
	}

	/** Every node, kind by kind, with its kind. */
	private static void nodes(Transaction tx, BiConsumer<Kind, Record> consumer) {
		for (Kind kind : Kind.values()) {
			tx.run(NODES.formatted(kind.label())).stream().forEach(r -> consumer.accept(kind, r));
		}
	}

	/** Every relationship, by its start node's kind, with that kind. */
	private static void relationships(Transaction tx, BiConsumer<Kind, Record> consumer) {
		for (Kind kind : Kind.values()) {
			tx.run(RELATIONSHIPS.formatted(kind.label()), Map.of("sorted", SORTED)).stream().forEach(r -> consumer.accept(kind, r));
		}
	}

	private void writeJson(OutputStream out) {
		// Closed on success only: closing ends the arrays and objects still open, and a failed export would then
		// read as a complete, shorter one.
		JsonGenerator gen = json.createGenerator(out);
		gen.writeStartObject();
		gen.writeArrayPropertyStart("nodes");
		read(tx -> {
			nodes(tx, (kind, r) -> gen.writePOJO(Map.of("id", ref(kind, r.get("props").get("id").asString()), "labels",
					List.of(kind.label()), "properties", props(r.get("props")))));
			gen.writeEndArray();
			gen.writeArrayPropertyStart("relationships");
			relationships(tx, (kind, r) -> gen.writePOJO(Map.of("type", r.get("type").asString(), "source",
					ref(kind, r.get("fromId").asString()), "target",
					ref(r.get("toLabel").asString(), r.get("toId").asString()), "properties", props(r.get("props")))));
		});
		gen.writeEndArray();
		gen.writeEndObject();
		gen.close();
	}

	private void writeCsv(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write("element,kind,id,name,nameEn,type,source,target,properties\n");
		read(tx -> {
			nodes(tx, (kind, r) -> line(writer, "node", kind.label(), ref(kind, r.get("props").get("id").asString()),
					r.get("props").get("name").asString(null),
					r.get("props").get("nameEn").asString(null), "", "", "", json.writeValueAsString(props(r.get("props")))));
			relationships(tx, (kind, r) -> line(writer, "relationship", "", "", "", "", r.get("type").asString(),
					ref(kind, r.get("fromId").asString()),
					ref(r.get("toLabel").asString(), r.get("toId").asString()), json.writeValueAsString(props(r.get("props")))));
		});
		writer.flush();
	}

	private void writeGraphml(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write("""
				<?xml version="1.0" encoding="UTF-8"?>
				<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
				  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
				  <key id="name" for="node" attr.name="name" attr.type="string"/>
				  <key id="nameEn" for="node" attr.name="nameEn" attr.type="string"/>
				  <key id="nprops" for="node" attr.name="properties" attr.type="string"/>
				  <key id="type" for="edge" attr.name="type" attr.type="string"/>
				  <key id="eprops" for="edge" attr.name="properties" attr.type="string"/>
				  <graph id="landscape" edgedefault="directed">
				""");
		read(tx -> {
			nodes(tx, (kind, r) -> {
				Value p = r.get("props");
				write(writer, "    <node id=\"" + xml(ref(kind, p.get("id").asString())) + "\">" + data("kind", kind.label())
						+ data("name", p.get("name").asString(null)) + data("nameEn", p.get("nameEn").asString(null))
						+ data("nprops", json.writeValueAsString(props(p))) + "</node>\n");
			});
			int[] edge = { 0 };
			relationships(tx, (kind, r) -> write(writer, "    <edge id=\"e" + edge[0]++ + "\" source=\""
					+ xml(ref(kind, r.get("fromId").asString())) + "\" target=\""
					+ xml(ref(r.get("toLabel").asString(), r.get("toId").asString())) + "\">" + data("type", r.get("type").asString())
					+ data("eprops", json.writeValueAsString(props(r.get("props")))) + "</edge>\n"));
		});
		writer.write("  </graph>\n</graphml>\n");
		writer.flush();
	}

	private static Map<String, Object> props(Value value) {
		Map<String, Object> props = new TreeMap<>(value.asMap());
		props.values().removeIf(v -> v == null);
		return props;
	}

	private static String ref(Kind kind, String id) {
		return kind.key() + ":" + id;
	}

	/** The other end of a relationship, known by its label only. */
	private static String ref(String label, String id) {
		return Kind.fromLabel(label).map(Kind::key).orElse(label) + ":" + id;
	}

	private static void line(Writer writer, String... cells) {
		List<String> quoted = new ArrayList<>();
		for (String cell : cells) {
			String c = cell == null ? "" : cell;
			quoted.add(c.matches(".*[,\"\\n\\r].*") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
		}
		write(writer, String.join(",", quoted) + "\n");
	}

	private static String data(String key, String value) {
		return value == null ? "" : "<data key=\"" + key + "\">" + xml(value) + "</data>";
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static void write(Writer writer, String text) {
		try {
			writer.write(text);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
