package cn.landscape.graph;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.catalog.Reads;

/** The source documents that evidence cites by id. */
@RestController
@Tag(name = "Graph")
class DocumentController {

	private static final String DOCUMENTS = """
			MATCH (d:Document)
			RETURN d.id AS id, d.name AS title, d.publisher AS publisher, d.date AS date, d.url AS url,
			       d.sourceFile AS sourceFile, d.kind AS kind, COUNT { (d)-[:MENTIONS]->() } AS mentions
			ORDER BY d.id LIMIT $maxRows
			""";

	private final Reads reads;

	DocumentController(Reads reads) {
		this.reads = reads;
	}

	record Document(String id, String title, String publisher, String date, String url, String sourceFile, String kind,
			long mentions) {
	}

	@GetMapping("/api/documents")
	@Operation(summary = "The source documents: title, publisher, date, URL, file name, and how many entities each names")
	List<Document> documents() {
		return reads.list(DOCUMENTS, Map.of("maxRows", reads.maxRows()), r -> new Document(r.get("id").asString(),
				r.get("title").asString(), r.get("publisher").asString(null), r.get("date").asString(null),
				r.get("url").asString(null), r.get("sourceFile").asString(null), r.get("kind").asString(null),
				r.get("mentions").asLong()));
	}

}
