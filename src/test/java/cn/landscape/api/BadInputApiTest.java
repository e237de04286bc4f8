package cn.landscape.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.landscape.support.Http;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input answers an RFC 9457 problem that names what to change. */
class BadInputApiTest extends SeededApp {

	private JsonNode problem(String path, int status) {
		Http.Response response = Http.get(url(path));
		assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "\tat ");
		return body;
	}

	@Test
	void unknown_industry_is_404_naming_it_and_suggesting_close_names() {
		JsonNode body = problem("/api/industries/financ/models", 404);
		assertThat(body.get("detail").asString()).contains("financ");
		assertThat(body.get("suggestions").toString()).contains("金融");
	}

	@Test
	void unknown_model_chip_and_entity_are_404() {
		problem("/api/models/no-such-model/chip-dependencies", 404);
		problem("/api/chips/no-such-chip/dependents", 404);
		problem("/api/entities/" + URLEncoder.encode("不存在的东西", StandardCharsets.UTF_8), 404);
		problem("/api/graph?focus=nothing-here", 404);
	}

	@Test
	void a_model_ref_that_names_an_entity_of_another_kind_is_404() {
		problem("/api/models/huawei/chip-dependencies", 404);
	}

	@ParameterizedTest
	@CsvSource({ "/api/graph?focus=huawei&depth=0, depth", "/api/graph?focus=huawei&depth=10, depth",
			"/api/graph?focus=huawei&limit=-1, limit", "/api/graph?focus=huawei&limit=100000, limit",
			"/api/graph?focus=huawei&depth=abc, depth", "/api/graph?depth=1, focus",
			"/api/industries/finance/models?limit=0, limit", "/api/industries/finance/models?limit=100000, limit",
			"/api/policies?from=2024-01&to=2023-01, from", "/api/policies?from=2023-13, from",
			"/api/policies?to=yesterday, to", "/api/search?q=spark&kind=planet, kind", "/api/search?q=, q",
			"/api/search?q=%20%20, q", "/api/search, q", "/api/search?q=spark&limit=1000, limit",
			"/api/path?from=huawei&to=nvidia&maxDepth=0, maxDepth", "/api/path?from=huawei&to=nvidia&maxDepth=99, maxDepth",
			"/api/path?from=huawei, to", "/api/export?format=pdf, format" })
	void bad_parameter_is_400_naming_the_parameter(String path, String parameter) {
		JsonNode body = problem(path, 400);
		assertThat(body.get("parameter").asString()).isEqualTo(parameter);
		assertThat(body.get("detail").asString()).contains(parameter);
	}

	@Test
	void search_text_over_200_characters_is_400() {
		JsonNode body = problem("/api/search?q=" + "a".repeat(201), 400);
		assertThat(body.get("parameter").asString()).isEqualTo("q");
	}

	@Test
	void unknown_path_is_a_404_problem() {
		problem("/api/no-such-endpoint", 404);
	}

}
