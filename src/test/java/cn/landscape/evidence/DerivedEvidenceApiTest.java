package cn.landscape.evidence;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.landscape.support.Http;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** Curated and derived evidence marked as such in the answers, on the real seed. */
class DerivedEvidenceApiTest extends SeededApp {

	@Test
	void evidence_quoting_the_blog_says_it_is_derived_from_the_report_and_the_reports_own_does_not() {
		// 000 (blog-summary) is a model's summary of 002 (report-2024); iFlytek develops Spark is cited from both
		JsonNode develops = relationship(get("/api/entities/vendor:iflytek"), "DEVELOPS", "model:spark").get("evidence");
		assertThat(entries(develops, "blog-summary")).isNotEmpty()
			.allSatisfy(e -> assertThat(e.get("derivedFrom").asString()).isEqualTo("report-2024"));
		assertThat(entries(develops, "report-2024")).isNotEmpty().allSatisfy(e -> assertThat(e.has("derivedFrom")).isFalse());

		// The same mark on another endpoint's mapping of the same relationship, and on where the documents name Spark
		JsonNode developers = get("/api/models/spark").get("developers");
		assertThat(developers.findValues("evidence").stream().flatMap(list -> entries(list, "blog-summary").stream()))
			.isNotEmpty()
			.allSatisfy(e -> assertThat(e.get("derivedFrom").asString()).isEqualTo("report-2024"));
		assertThat(entries(get("/api/entities/model:spark").get("mentions"), "blog-summary")).singleElement()
			.satisfies(e -> assertThat(e.get("derivedFrom").asString()).isEqualTo("report-2024"));
	}

	@Test
	void a_curated_fact_carries_the_curators_reason_on_the_entity_the_timeline_and_the_overview_card() {
		JsonNode releaseDate = get("/api/entities/model:xiaoke").get("propertyEvidence").get("releaseDate");
		assertThat(releaseDate).isNotEmpty().allSatisfy(e -> {
			assertThat(e.get("curated").asString()).contains("the year is inferred");
			assertThat(e.has("derivedFrom")).isFalse();
		});
		JsonNode timeline = get("/api/overview/timeline?kind=model").get("events");
		JsonNode xiaoke = null;
		for (JsonNode event : timeline) {
			if (event.get("node").get("ref").asString().equals("model:xiaoke")) {
				xiaoke = event;
			}
		}
		assertThat(xiaoke).isNotNull();
		assertThat(xiaoke.get("evidence").get(0).get("curated").asString()).contains("the year is inferred");

		JsonNode cards = get("/api/overview?section=models&cap=500").get("sections").get("models");
		assertThat(card(cards, "model:xiaoke").get("curated").get("type").asString()).contains("no document classifies");
		assertThat(card(cards, "model:spark").get("curated").isEmpty()).isTrue();
	}

	@Test
	void documents_and_the_api_contract_say_what_is_derived() {
		JsonNode documents = get("/api/documents");
		assertThat(document(documents, "blog-summary").get("derivedFrom").asString()).isEqualTo("report-2024");
		assertThat(document(documents, "news-models-2023").get("derivedSections").valueStream().map(JsonNode::asString))
			.containsExactly("机器摘要");
		assertThat(document(documents, "report-2024").get("derivedFrom").isNull()).isTrue();
		JsonNode evidence = get("/v3/api-docs").get("components").get("schemas").get("Evidence").get("properties");
		assertThat(evidence.propertyNames()).contains("documentId", "quote", "section", "curated", "derivedFrom");
	}

	private JsonNode get(String path) {
		Http.Response response = Http.get(url(path));
		assertThat(response.status()).as(path).isEqualTo(200);
		return response.json();
	}

	private static JsonNode relationship(JsonNode entity, String type, String other) {
		for (JsonNode r : entity.get("relationships")) {
			if (r.get("type").asString().equals(type) && r.get("other").get("ref").asString().equals(other)) {
				return r;
			}
		}
		throw new AssertionError("no " + type + " to " + other + " in " + entity.get("ref"));
	}

	private static List<JsonNode> entries(JsonNode evidence, String documentId) {
		List<JsonNode> found = new ArrayList<>();
		evidence.forEach(e -> {
			if (documentId.equals(e.get("documentId").asString(null))) {
				found.add(e);
			}
		});
		return found;
	}

	private static JsonNode card(JsonNode section, String ref) {
		for (JsonNode group : section.get("groups")) {
			for (JsonNode card : group.get("items")) {
				if (card.get("node").get("ref").asString().equals(ref)) {
					return card;
				}
			}
		}
		throw new AssertionError("no card " + ref);
	}

	private static JsonNode document(JsonNode documents, String id) {
		for (JsonNode d : documents) {
			if (d.get("id").asString().equals(id)) {
				return d;
			}
		}
		throw new AssertionError("no document " + id);
	}

}
