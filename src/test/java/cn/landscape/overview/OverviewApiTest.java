package cn.landscape.overview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.landscape.support.Http;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview, timeline and regions endpoints over HTTP on the real seed. */
class OverviewApiTest extends SeededApp {

	@Test
	void models_group_by_scope_and_deployment_and_every_model_is_counted_once() {
		JsonNode models = get("/api/overview?section=models&cap=500").get("sections").get("models");
		Map<String, Integer> counts = counts(models);
		assertThat(counts).containsKeys("general", "industry", "general/cloud", "general/device", "general/device-cloud");
		JsonNode nodes = get("/api/stats").get("nodes");
		long total = (nodes.has("model") ? nodes.get("model") : nodes.get("Model")).asLong();
		assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) total);
		JsonNode spark = card(models, "model:spark");
		assertThat(spark.get("by").get("ref").asString()).isEqualTo("vendor:iflytek");
		assertThat(group(models, "general/cloud").get("items").findValuesAsString("ref")).contains("model:spark");
	}

	@Test
	void vendors_group_by_kind_with_listed_companies_apart_and_chips_by_maker_and_country() {
		JsonNode sections = get("/api/overview?cap=500").get("sections");
		assertThat(counts(sections.get("vendors"))).containsKeys("listed", "company", "research", "chipmaker");
		assertThat(group(sections.get("vendors"), "listed").get("items")).allSatisfy(
				card -> assertThat(card.get("facts").get("listed").asBoolean()).isTrue());
		JsonNode nvidia = group(sections.get("chips-by-maker"), "nvidia");
		assertThat(nvidia.get("node").get("name").asString()).isEqualTo("英伟达");
		assertThat(refs(nvidia)).contains("chip:a100");
		// The documents seat no chip maker; awesome-LLMs-In-China seats 华为 in 广东深圳, so Huawei's chips are
		// Chinese by their maker's seat, and NVIDIA's, seated nowhere, are of unknown country
		JsonNode byCountry = sections.get("chips-by-country");
		assertThat(refs(group(byCountry, "china"))).contains("chip:ascend-910");
		assertThat(refs(group(byCountry, "unknown"))).contains("chip:a100");
		assertThat(group(byCountry, "china").get("count").asLong() + group(byCountry, "unknown").get("count").asLong())
			.isEqualTo(get("/api/stats").get("nodes").get("chip").asLong());
	}

	@Test
	void models_group_by_their_developers_country_and_by_the_licence_the_datasets_give() {
		JsonNode byCountry = get("/api/overview?section=models-by-country&cap=500&groups=100").get("sections").get("models-by-country");
		// DeepSeek is seated in 杭州 (awesome-LLMs-In-China), 杭州 is in 浙江, in 中国
		assertThat(group(byCountry, "china").get("node").get("ref").asString()).isEqualTo("region:china");
		assertThat(refs(group(byCountry, "china"))).contains("model:deepseek-r1");
		JsonNode byLicence = get("/api/overview?section=models-by-licence&cap=500&groups=100").get("sections").get("models-by-licence");
		assertThat(refs(group(byLicence, "MIT License"))).contains("model:kimi-dev-72b");
		assertThat(refs(group(byLicence, "Open weights (restricted use)"))).contains("model:deepseek-v2");
		long models = get("/api/stats").get("nodes").get("model").asLong();
		assertThat(counts(byCountry).values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(models);
		assertThat(byCountry.get("nextGroupOffset").isNull()).isTrue();
		// every model is in one group of each section: known licences, or the one group that says it is unstated
		assertThat(byLicence.get("groupCount").asLong()).isGreaterThan(10);
		assertThat(group(byLicence, "unknown").get("count").asLong()).isLessThan(models);
	}

	@Test
	void industry_filter_keeps_the_models_serving_it_as_the_industry_endpoint_lists_them() {
		JsonNode overview = get("/api/overview?section=models&cap=500&industry=" + enc("金融"));
		assertThat(overview.get("filters").get("industry").get("ref").asString()).isEqualTo("industry:finance");
		Set<String> overviewModels = new HashSet<>(overview.get("sections").get("models").findValuesAsString("ref"));
		overviewModels.removeIf(ref -> !ref.startsWith("model:"));
		Set<String> serving = new HashSet<>();
		get("/api/industries/finance/models?limit=500").get("models").forEach(m -> serving.add(m.get("ref").asString()));
		assertThat(overviewModels).isNotEmpty().isEqualTo(serving);
	}

	@Test
	void region_filter_includes_sub_regions_and_document_filter_keeps_what_the_document_names() {
		JsonNode guangdong = get("/api/overview?section=vendors&cap=500&region=" + enc("广东")).get("sections").get("vendors");
		JsonNode shenzhen = get("/api/overview?section=vendors&cap=500&region=" + enc("深圳")).get("sections").get("vendors");
		assertThat(shenzhen.findValuesAsString("ref")).contains("vendor:pengcheng-lab");
		assertThat(guangdong.findValuesAsString("ref")).containsAll(shenzhen.findValuesAsString("ref"));

		JsonNode listed = get("/api/overview?cap=500&document=news-listed-2024").get("sections");
		JsonNode all = get("/api/overview?cap=500").get("sections");
		assertThat(counts(listed.get("models")).values().stream().mapToInt(Integer::intValue).sum())
			.isPositive()
			.isLessThan(counts(all.get("models")).values().stream().mapToInt(Integer::intValue).sum());
		assertThat(refs(group(listed.get("models"), "general"))).doesNotContain("model:chatgpt");
	}

	@Test
	void capped_groups_say_more_and_their_pages_hold_every_member_once() {
		JsonNode general = group(get("/api/overview?section=models&cap=2").get("sections").get("models"), "general");
		assertThat(general.get("items")).hasSize(2);
		assertThat(general.get("more").asBoolean()).isTrue();
		int count = general.get("count").asInt();
		List<String> paged = new ArrayList<>();
		Integer offset = 0;
		while (offset != null) {
			JsonNode page = get("/api/overview/group?section=models&group=general&limit=5&offset=" + offset);
			assertThat(page.get("count").asInt()).isEqualTo(count);
			page.get("items").forEach(card -> paged.add(card.get("node").get("ref").asString()));
			offset = page.get("nextOffset").isNull() ? null : page.get("nextOffset").asInt();
		}
		assertThat(paged).hasSize(count).doesNotHaveDuplicates();
		assertThat(paged.subList(0, 2)).containsExactlyElementsOf(refs(general));

		JsonNode oneGroup = get("/api/overview?section=vendors&groups=1").get("sections").get("vendors");
		assertThat(oneGroup.get("groups")).hasSize(1);
		assertThat(oneGroup.get("groupCount").asInt()).isGreaterThan(1);
		assertThat(oneGroup.get("nextGroupOffset").asInt()).isEqualTo(1);
	}

	@Test
	void timeline_puts_policies_and_releases_on_one_axis_with_the_evidence_of_their_dates() {
		JsonNode events = get("/api/overview/timeline").get("events");
		List<String> dates = events.findValuesAsString("date");
		assertThat(dates).isSortedAccordingTo(String::compareTo);
		Set<String> kinds = new HashSet<>();
		events.forEach(e -> kinds.add(e.get("node").get("kind").asString()));
		assertThat(kinds).containsExactlyInAnyOrder("policy", "model");
		JsonNode shenzhen = event(events, "policy:shenzhen-ai-action-plan");
		assertThat(shenzhen.get("month").asString()).isEqualTo("2023-05");
		assertThat(shenzhen.get("precision").asString()).isEqualTo("month");
		assertThat(shenzhen.get("evidence").get(0).get("quote").asString()).contains("2023");
		JsonNode release = event(events, "model:spark-v3-5");
		assertThat(release.get("property").asString()).isEqualTo("releaseDate");
		assertThat(release.get("evidence").get(0).get("quote").asString()).contains("2024 年 1 月");

		JsonNode guangdong = get("/api/overview/timeline?kind=policy&region=" + enc("广东")).get("events");
		List<String> policies = new ArrayList<>();
		Http.Response api = Http.get(url("/api/policies?region=" + enc("广东") + "&from=1900"));
		api.json().forEach(p -> policies.add("policy:" + p.get("id").asString()));
		assertThat(guangdong.findValuesAsString("ref").stream().filter(r -> r.startsWith("policy:")).distinct().toList())
			.containsExactlyInAnyOrderElementsOf(policies)
			.contains("policy:shenzhen-ai-action-plan");
	}

	@Test
	void a_region_at_a_glance_holds_its_sub_regions_policies_vendors_and_models() {
		JsonNode regions = get("/api/overview/regions?cap=100&region=" + enc("广东")).get("regions");
		JsonNode guangdong = regions.get(0);
		assertThat(guangdong.get("region").get("ref").asString()).isEqualTo("region:guangdong");
		assertThat(regions.findValuesAsString("ref")).contains("region:shenzhen");
		assertThat(guangdong.get("policies").findValuesAsString("ref")).contains("policy:shenzhen-ai-action-plan");
		assertThat(guangdong.get("policyCount").asInt())
			.isEqualTo(Http.get(url("/api/policies?region=" + enc("广东"))).json().size());
		assertThat(guangdong.get("vendorCount").asInt()).isGreaterThanOrEqualTo(
				regions.get(1).get("vendorCount").asInt());
		assertThat(guangdong.get("vendors").findValuesAsString("ref")).contains("vendor:pengcheng-lab");
		assertThat(guangdong.get("models").findValuesAsString("ref")).contains("model:pengcheng-naohai");
		assertThat(guangdong.get("models")).hasSize(guangdong.get("modelCount").asInt());
	}

	@Test
	void unknown_sections_kinds_and_documents_are_problems_that_say_what_to_change() {
		Http.Response section = Http.get(url("/api/overview?section=cars"));
		assertThat(section.status()).isEqualTo(400);
		assertThat(section.json().get("parameter").asString()).isEqualTo("section");
		assertThat(Http.get(url("/api/overview/timeline?kind=person")).status()).isEqualTo(400);
		Http.Response document = Http.get(url("/api/overview?document=report-1999"));
		assertThat(document.status()).isEqualTo(404);
		assertThat(document.json().get("suggestions").toString()).contains("report-2024");
		assertThat(Http.get(url("/api/overview/group?section=models")).status()).isEqualTo(400);
	}

	private JsonNode get(String path) {
		Http.Response response = Http.get(url(path));
		assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(200);
		return response.json();
	}

	private static Map<String, Integer> counts(JsonNode section) {
		Map<String, Integer> counts = new TreeMap<>();
		section.get("groups").forEach(g -> counts.put(g.get("key").asString(), g.get("count").asInt()));
		return counts;
	}

	private static JsonNode group(JsonNode section, String key) {
		for (JsonNode g : section.get("groups")) {
			if (g.get("key").asString().equals(key)) {
				return g;
			}
		}
		throw new AssertionError("no group " + key + " in " + section);
	}

	private static List<String> refs(JsonNode group) {
		List<String> refs = new ArrayList<>();
		group.get("items").forEach(card -> refs.add(card.get("node").get("ref").asString()));
		return refs;
	}

	private static JsonNode card(JsonNode section, String ref) {
		for (JsonNode g : section.get("groups")) {
			for (JsonNode card : g.get("items")) {
				if (card.get("node").get("ref").asString().equals(ref)) {
					return card;
				}
			}
		}
		throw new AssertionError("no card " + ref);
	}

	private static JsonNode event(JsonNode events, String ref) {
		for (JsonNode e : events) {
			if (e.get("node").get("ref").asString().equals(ref)) {
				return e;
			}
		}
		throw new AssertionError("no event " + ref);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
