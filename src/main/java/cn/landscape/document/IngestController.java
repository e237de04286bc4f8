package cn.landscape.document;

import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import cn.landscape.seed.SeedFiles;

/**
 * Adding documents and reviewing what was read in them. Writing calls need the admin token. The body is
 * read as bytes so that a text that is not UTF-8 is named as such.
 */
@RestController
@Tag(name = "Documents")
class IngestController {

	private final DocumentService documents;

	private final JsonMapper json;

	IngestController(DocumentService documents, JsonMapper json) {
		this.documents = documents;
		this.json = json;
	}

	@PostMapping(path = "/api/documents")
	@Operation(summary = "Add a document: {title, publisher, date (2025-01 or 2025-01-20), url?, text}",
			description = "Needs Authorization: Bearer <LANDSCAPE_ADMIN_TOKEN>. Markdown and HTML are reduced to plain text. Answers 201 with the sentences, the mentions of known entities, candidates for new ones and the proposed facts.")
	ResponseEntity<DocumentService.View> add(@Parameter(description = "Bearer <LANDSCAPE_ADMIN_TOKEN>", example = "Bearer s3cret") @RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody(required = false) byte[] body) {
		JsonNode node = parse(body);
		DocumentService.View view = documents.add(new DocumentService.NewDocument(field(node, "title"),
				field(node, "publisher"), field(node, "date"), field(node, "url"), field(node, "text")));
		return ResponseEntity.created(URI.create("/api/documents/" + view.document().get("id"))).body(view);
	}

	@GetMapping("/api/documents/{id}")
	@Operation(summary = "An added document with its sentences, mentions, candidates and proposals (with their status)")
	DocumentService.View get(@Parameter(description = "The document id from POST /api/documents", example = "doc-5b0c2a1f9e3d") @PathVariable String id) {
		return documents.get(id)
			.orElseThrow(() -> DocumentProblems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No added document '"
					+ id + "'. POST /api/documents adds one; GET /api/documents lists the documents.", Map.of("ref", id)));
	}

	@PostMapping("/api/proposals/{id}/accept")
	@Operation(summary = "Accept a proposal, optionally changing it first: {type?, from?, to?, modelType?}",
			description = "Needs the admin token. Writes the fact into graph-seed/documents/<document>.yaml and loads the seed. A candidate end becomes a new entity (a new model needs modelType).")
	Map<String, Object> accept(@Parameter(description = "Bearer <LANDSCAPE_ADMIN_TOKEN>", example = "Bearer s3cret") @RequestHeader(name = "Authorization", required = false) String authorization,
			@Parameter(description = "The proposal id, proposals[].id in GET /api/documents/{id}", example = "doc-5b0c2a1f9e3d-p1") @PathVariable String id,
			@RequestBody(required = false) byte[] body) {
		DocumentService.Edit edit = DocumentService.Edit.NONE;
		if (body != null && body.length > 0) {
			JsonNode node = parse(body);
			edit = new DocumentService.Edit(field(node, "type"), field(node, "from"), field(node, "to"),
					field(node, "modelType"));
		}
		return documents.accept(id, edit);
	}

	@PostMapping("/api/proposals/{id}/reject")
	@Operation(summary = "Reject a proposal; it stays rejected for its document", description = "Needs the admin token.")
	Map<String, Object> reject(@Parameter(description = "Bearer <LANDSCAPE_ADMIN_TOKEN>", example = "Bearer s3cret") @RequestHeader(name = "Authorization", required = false) String authorization,
			@Parameter(description = "The proposal id, proposals[].id in GET /api/documents/{id}", example = "doc-5b0c2a1f9e3d-p1") @PathVariable String id) {
		return documents.reject(id);
	}

	private JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw DocumentProblems.badField("text", "The body is empty; send JSON {title, publisher, date, url?, text}.");
		}
		String decoded;
		try {
			decoded = SeedFiles.decodeUtf8(body);
		}
		catch (CharacterCodingException ex) {
			throw DocumentProblems.badField("text", "The body is not UTF-8 (or is a binary file); send the text encoded as UTF-8.");
		}
		try {
			JsonNode node = json.readTree(decoded);
			if (node == null || !node.isObject()) {
				throw DocumentProblems.badField("text", "The body must be a JSON object {title, publisher, date, url?, text}.");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw DocumentProblems.badField("text", "The body is not valid JSON; send {title, publisher, date, url?, text}.");
		}
	}

	private static String field(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw DocumentProblems.badField(name, "'" + name + "' must be a string.");
		}
		// JSON may escape half a surrogate pair ("\ud800"), which no file can hold as UTF-8
		if (!StandardCharsets.UTF_8.newEncoder().canEncode(value.asString())) {
			throw DocumentProblems.badField(name, "'" + name + "' holds a lone surrogate escape such as \\ud800: "
					+ "escape a character outside the BMP as its pair (\\ud83d\\ude00), or send it as UTF-8.");
		}
		return value.asString();
	}

}
