package cn.landscape.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.landscape.support.Http;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** The users' questions, asked over HTTP of the service loaded with the real seed. */
class QuestionsApiTest extends SeededApp {

	private JsonNode get(String path) {
		Http.Response response = Http.get(url(path));
		assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(200);
		return response.json();
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.at(field).asString()));
		return values;
	}

	@Test
	void industries_list_each_with_its_model_count() {
		JsonNode industries = get("/api/industries");
		assertThat(industries.size()).isGreaterThan(20);
		JsonNode finance = null;
		for (JsonNode industry : industries) {
			if (industry.get("id").asString().equals("finance")) {
				finance = industry;
			}
		}
		assertThat(finance).isNotNull();
		assertThat(finance.get("name").asString()).isEqualTo("金融");
		assertThat(finance.get("nameEn").asString()).isEqualTo("Finance");
		assertThat(finance.get("modelCount").asLong()).isPositive();
	}

	@Test
	void finance_query_lists_models_with_vendor_and_evidence() {
		JsonNode answer = get("/api/industries/finance/models");
		JsonNode models = answer.get("models");
		assertThat(models.size()).isPositive();
		for (JsonNode model : models) {
			assertThat(model.get("id").asString()).isNotBlank();
			assertThat(model.get("name").asString()).isNotBlank();
			assertThat(model.get("type").asString()).isIn("general", "industry");
			assertThat(model.get("via").asString()).isIn("direct", "application");
			assertThat(model.get("evidence").size()).as(model.toString()).isPositive();
			model.get("evidence").forEach(e -> {
				assertThat(e.get("documentId").asString()).isNotBlank();
				if (e.has("row")) {
					assertThat(e.get("source").asString()).isEqualTo(e.get("documentId").asString());
					assertThat(e.get("cells").properties()).isNotEmpty();
				}
				else {
					assertThat(e.get("quote").asString()).isNotBlank();
				}
			});
		}
		assertThat(texts(models, "/vendor/id")).contains("ronglian-cloud");
	}

	@Test
	void finance_is_found_by_chinese_name_english_name_and_id_alike() {
		JsonNode byId = get("/api/industries/finance/models").get("models");
		assertThat(get("/api/industries/" + enc("金融") + "/models").get("models")).isEqualTo(byId);
		assertThat(get("/api/industries/Finance/models").get("models")).isEqualTo(byId);
		assertThat(get("/api/industries/industry:finance/models").get("models")).isEqualTo(byId);
	}

	@Test
	void include_general_adds_general_models_marked_as_such() {
		int direct = get("/api/industries/finance/models").get("models").size();
		JsonNode models = get("/api/industries/finance/models?includeGeneral=true&limit=200").get("models");
		assertThat(models.size()).isGreaterThan(direct);
		List<String> general = new ArrayList<>();
		models.forEach(m -> {
			if (m.get("via").asString().equals("general")) {
				assertThat(m.get("type").asString()).isEqualTo("general");
				general.add(m.get("name").asString());
			}
		});
		assertThat(general).contains("讯飞星火认知大模型", "通义千问");
	}

	@Test
	void pages_of_two_walked_by_next_offset_give_the_whole_list_in_rank_then_id_order() {
		JsonNode whole = get("/api/industries/finance/models?includeGeneral=true&limit=200").get("models");
		List<String> all = texts(whole, "/id");
		List<String> paged = new ArrayList<>();
		Integer offset = 0;
		while (offset != null) {
			JsonNode page = get("/api/industries/finance/models?includeGeneral=true&limit=2&offset=" + offset);
			paged.addAll(texts(page.get("models"), "/id"));
			offset = page.get("nextOffset").isNull() ? null : page.get("nextOffset").asInt();
		}
		assertThat(paged).isEqualTo(all);
		List<String> ranks = List.of("direct", "application", "general");
		List<String> order = new ArrayList<>();
		whole.forEach(m -> order.add(ranks.indexOf(m.get("via").asString()) + "|" + m.get("id").asString()));
		assertThat(order).isSorted();
		assertThat(texts(whole, "/via")).contains("direct", "application", "general");
	}

	@Test
	void chip_path_of_pangu_reaches_ascend_made_by_huawei_with_evidence_on_each_hop() {
		JsonNode chips = get("/api/models/" + enc("盘古大模型3.0") + "/chip-dependencies").get("chips");
		assertThat(texts(chips, "/chip/name")).anyMatch(name -> name.startsWith("昇腾"));
		for (JsonNode chip : chips) {
			assertThat(chip.get("paths").size()).isPositive();
			chip.get("paths").forEach(path -> path.forEach(hop -> assertThat(hop.get("evidence").size()).isPositive()));
		}
		JsonNode ascend = chips.get(texts(chips, "/chip/name").indexOf("昇腾"));
		assertThat(texts(ascend.get("makers"), "/node/id")).contains("huawei");
	}

	@Test
	void chip_path_of_chatgpt_reaches_a100_its_restriction_and_its_substitute() {
		JsonNode chips = get("/api/models/ChatGPT/chip-dependencies").get("chips");
		JsonNode a100 = chips.get(texts(chips, "/chip/id").indexOf("a100"));
		assertThat(texts(a100.get("makers"), "/node/id")).containsExactly("nvidia");
		assertThat(a100.get("restrictions").size()).isPositive();
		assertThat(a100.get("restrictions").get(0).get("evidence").get(0).get("quote").asString()).contains("管制清单");
		assertThat(texts(a100.get("substitutes"), "/node/id")).contains("a800");
	}

	@Test
	void dependents_of_restricted_a100_include_chatgpt_and_the_policy_on_it() {
		JsonNode answer = get("/api/chips/A100/dependents");
		assertThat(answer.get("chip").get("id").asString()).isEqualTo("a100");
		assertThat(texts(answer.get("dependents"), "/node/id")).contains("chatgpt");
		assertThat(answer.get("restrictions").size()).isPositive();
		answer.get("dependents").forEach(d -> assertThat(d.get("paths").size()).isPositive());
	}

	@Test
	void dependents_of_a800_reach_those_relying_on_the_a100_it_substitutes_for() {
		JsonNode answer = get("/api/chips/a800/dependents");
		assertThat(texts(answer.get("substitutesFor"), "/node/id")).contains("a100");
		assertThat(texts(answer.get("dependents"), "/node/id")).contains("chatgpt");
	}

	@Test
	void search_finds_entities_by_two_chinese_characters() {
		assertThat(texts(get("/api/search?q=" + enc("星火")).get("results"), "/id")).contains("spark");
		assertThat(texts(get("/api/search?q=" + enc("昇腾")).get("results"), "/kind")).contains("chip");
	}

	@Test
	void search_finds_entities_by_english_words() {
		for (String word : List.of("Spark", "ERNIE", "Qwen", "Ascend")) {
			JsonNode results = get("/api/search?q=" + word).get("results");
			assertThat(results.size()).as(word).isPositive();
		}
		assertThat(get("/api/search?q=Spark").get("results").get(0).get("id").asString()).isEqualTo("spark");
		assertThat(get("/api/search?q=Spark&limit=1").get("results").get(0).get("id").asString()).isEqualTo("spark");
		assertThat(get("/api/search?q=Ascend&kind=chip").get("results").get(0).get("kind").asString()).isEqualTo("chip");
	}

	@Test
	void search_takes_lucene_syntax_as_plain_text() {
		for (String q : List.of("星火 AND", "*", "(spark", "a:b\"", "NOT ERNIE", "~/\\")) {
			Http.Response response = Http.get(url("/api/search?q=" + enc(q)));
			assertThat(response.status()).as(q).isEqualTo(200);
		}
	}

	@Test
	void entity_shows_properties_with_evidence_and_relationships_both_ways() {
		JsonNode chip = get("/api/entities/" + enc("昇腾 910"));
		assertThat(chip.get("properties").get("process").asString()).isEqualTo("7nm");
		assertThat(chip.get("propertyEvidence").get("process").get(0).get("quote").asString()).contains("7nm");
		assertThat(chip.get("mentions").size()).isPositive();
		JsonNode vendor = get("/api/entities/iflytek");
		assertThat(vendor.get("kind").asString()).isEqualTo("vendor");
		assertThat(vendor.get("relationships").size()).isPositive();
		vendor.get("relationships").forEach(r -> {
			assertThat(r.get("direction").asString()).isIn("in", "out");
			assertThat(r.get("other").get("ref").asString()).contains(":");
		});
	}

	@Test
	void graph_neighbourhood_draws_nodes_and_edges_between_them_and_respects_the_cap() {
		JsonNode graph = get("/api/graph?focus=huawei&depth=2&limit=50");
		assertThat(graph.get("nodes").size()).isGreaterThan(1);
		List<String> ids = texts(graph.get("nodes"), "/id");
		assertThat(ids).contains("vendor:huawei");
		graph.get("edges").forEach(e -> {
			assertThat(ids).contains(e.get("source").asString(), e.get("target").asString());
			assertThat(e.get("type").asString()).isNotBlank();
		});
		int oneHop = get("/api/graph?focus=huawei&depth=1").get("nodes").size();
		assertThat(get("/api/graph?focus=huawei&depth=3&limit=500").get("nodes").size()).isGreaterThan(oneHop);
		JsonNode capped = get("/api/graph?focus=huawei&depth=3&limit=3");
		assertThat(capped.get("nodes").size()).isEqualTo(3);
		assertThat(capped.get("truncated").asBoolean()).isTrue();
	}

	@Test
	void report_table_of_2023_local_policies_is_reproduced_in_date_order() {
		JsonNode policies = get("/api/policies?from=2023-01&to=2023-12");
		List<String> dates = texts(policies, "/date");
		assertThat(dates).isSorted();
		List<String> rows = new ArrayList<>();
		policies.forEach(p -> rows.add(p.get("date").asString() + " | "
				+ String.join("、", texts(p.get("issuers"), "/node/name").stream().sorted().toList()) + " | "
				+ p.get("name").asString()));
		// The report's table, issuers of one row in sorted order (the API does not promise the table's order).
		assertThat(rows).containsExactlyInAnyOrder(
				"2023-05 | 北京市人民政府 | 北京市加快建设具有全球影响力的人工智能创新策源地实施方案（2023-2025年）",
				"2023-05 | 北京市人民政府办公厅 | 北京市促进通用人工智能创新发展的若干措施",
				"2023-05 | 中共深圳市委办公厅、深圳市人民政府办公厅 | 深圳市加快推动人工智能高质量发展高水平应用行动方案（2023—2024年）",
				"2023-07 | 杭州市人民政府办公厅 | 杭州市人民政府办公厅关于加快推进人工智能产业创新发展的实施意见",
				"2023-08 | 成都市新经济发展委员会、成都市经济和信息化局 | 成都市加快大模型创新应用推进人工智能产业高质量发展的若干措施",
				"2023-09 | 福建省人民政府办公厅 | 福建省人民政府办公厅关于印发福建省促进人工智能产业发展十条措施的通知",
				"2023-10 | 安徽省人民政府 | 安徽省人民政府关于印发打造通用人工智能产业创新和应用高地若干政策的通知",
				"2023-10 | 上海市发展和改革委员会、上海市经济和信息化委员会 | 上海市推动人工智能大模型创新发展若干措施（2023-2025年）",
				"2023-11 | 广东省人民政府 | 广东省人民政府关于加快建设通用人工智能产业创新引领地的实施意见");
	}

	@Test
	void policies_of_a_province_include_those_of_its_cities() {
		List<String> guangdong = texts(get("/api/policies?region=" + enc("广东")), "/name");
		assertThat(guangdong).anyMatch(name -> name.startsWith("深圳市")).anyMatch(name -> name.startsWith("广东省"));
		List<String> shenzhen = texts(get("/api/policies?region=shenzhen"), "/name");
		assertThat(shenzhen).noneMatch(name -> name.startsWith("广东省"));
	}

	@Test
	void policies_filter_by_issuer() {
		List<String> names = texts(get("/api/policies?issuer=" + enc("北京市人民政府")), "/name");
		assertThat(names).containsExactly("北京市加快建设具有全球影响力的人工智能创新策源地实施方案（2023-2025年）");
	}

	@Test
	void path_between_two_entities_lists_hops_with_evidence() {
		JsonNode answer = get("/api/path?from=ChatGPT&to=" + enc("英伟达") + "&maxDepth=4");
		assertThat(answer.get("paths").size()).isPositive();
		JsonNode hops = answer.get("paths").get(0).get("hops");
		assertThat(hops.size()).isBetween(1, 4);
		hops.forEach(hop -> assertThat(hop.get("evidence").size() > 0 || hop.get("curated").asBoolean()).isTrue());
	}

	@Test
	void stats_count_nodes_per_kind_and_relationships_per_type() {
		JsonNode stats = get("/api/stats");
		assertThat(stats.get("nodes").get("model").asLong()).isGreaterThan(30);
		assertThat(stats.get("nodes").get("policy").asLong()).isGreaterThanOrEqualTo(9);
		assertThat(stats.get("relationships").get("SERVES").asLong()).isPositive();
		assertThat(stats.get("totalNodes").asLong()).isGreaterThan(150);
	}

	@Test
	void documents_are_listed_with_their_source_files() {
		JsonNode documents = get("/api/documents");
		assertThat(texts(documents, "/sourceFile")).filteredOn(f -> !f.isEmpty())
			.contains("002_01809dff9a4ffee4.txt")
			.hasSize(5);
		// the open datasets are listed beside them, each with the licence and attribution to show with its facts
		List<JsonNode> datasets = new ArrayList<>();
		documents.forEach(d -> {
			if ("dataset".equals(d.get("kind").asString())) {
				datasets.add(d);
			}
		});
		assertThat(datasets).hasSize(4).allSatisfy(d -> {
			assertThat(d.get("licence").asString()).isIn("CC-BY-4.0", "Apache-2.0");
			assertThat(d.get("attribution").asString()).isNotBlank();
		});
	}

	@Test
	void a_model_reads_as_its_typed_entity_with_developers_and_evidence() {
		JsonNode spark = get("/api/models/" + enc("讯飞星火"));
		assertThat(spark.get("ref").asString()).isEqualTo("model:spark");
		assertThat(spark.get("type").asString()).isEqualTo("general");
		assertThat(texts(spark.get("developers"), "/node/id")).contains("iflytek");
		assertThat(spark.get("developers").get(0).get("evidence").get(0).get("quote").asString()).isNotBlank();
		assertThat(spark.get("propertyEvidence").get("type").get(0).get("documentId").asString()).isNotBlank();
	}

	@Test
	void a_model_reference_that_names_no_model_is_a_not_found_problem() {
		Http.Response response = Http.get(url("/api/models/vendor:iflytek"));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
