package cn.landscape.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.landscape.support.SeededApp;
import cn.landscape.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests across every endpoint, sent byte for byte as an attacker or a careless
 * user would: each must answer a 4xx application/problem+json with a detail, never a 5xx, HTML or an
 * empty body. Prints the counts and the slowest answer.
 */
class BadInputSuiteTest extends SeededApp {

	private record Case(String method, byte[] target, byte[] body, String[] headers) {

		Case(String method, byte[] target, String[] headers) {
			this(method, target, new byte[0], headers);
		}

		static Case get(String target, String... headers) {
			return new Case("GET", target.getBytes(StandardCharsets.UTF_8), headers);
		}

		static Case postDocument(String json) {
			return new Case("POST", "/api/documents".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8),
					new String[] { "Authorization: Bearer test-admin-token", "Content-Type: application/json" });
		}

		String describe() {
			String t = new String(target, StandardCharsets.UTF_8).replace("\0", "\\0").replace("\r", "\\r");
			return method + " " + (t.length() > 80 ? t.substring(0, 80) + "…(" + t.length() + ")" : t)
					+ (headers.length == 0 ? "" : " " + String.join("; ", headers).substring(0, Math.min(60, String.join("; ", headers).length())));
		}
	}

	private static final List<String> REF_ENDPOINTS = List.of("/api/industries/%s/models", "/api/models/%s/chip-dependencies",
			"/api/chips/%s/dependents", "/api/entities/%s");

	private static final List<String> BAD_REFS = List.of("no-such-thing", "%FF", "%C3%28", "%ZZ", "%2F", "..%2F..%2Fetc",
			"%00", "%5C", "%0D%0A", "华为X", "model:", ":", "%27%3B%20MATCH%20(n)%20DETACH%20DELETE%20n%20--", "%60",
			"a".repeat(300), "%E2%80%8B", "nosuchkind:huawei", "%25", "*");

	private static final Map<String, String> NUMBER_PARAMS = Map.of("/api/industries/finance/models?%s", "limit",
			"/api/industries/finance/models?x=1&%s", "offset", "/api/graph?focus=huawei&%s", "depth",
			"/api/graph?focus=huawei&x=1&%s", "limit", "/api/policies?%s", "limit",
			"/api/path?from=huawei&to=nvidia&%s", "maxDepth", "/api/search?q=spark&%s", "limit");

	private static final List<String> BAD_NUMBERS = List.of("0x10", "1e3", "abc", "", "%FF", "1.5", "%D9%A1",
			"99999999999", "0X1F", "%23", "1_000", "%2B%2B1", "-0x1");

	private static final List<String> TEXT_PARAMS = List.of("/api/search?q=", "/api/search?q=spark&kind=", "/api/graph?focus=",
			"/api/path?to=nvidia&from=", "/api/path?from=huawei&to=", "/api/policies?region=", "/api/policies?from=",
			"/api/policies?to=", "/api/policies?issuer=", "/api/export?format=");

	private static final List<String> BAD_TEXT = List.of("%FF", "%C3%28", "%ZZ", "", "星火", "%", "%0");

	private static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (String endpoint : REF_ENDPOINTS) {
			for (String ref : BAD_REFS) {
				cases.add(Case.get(endpoint.formatted(ref)));
			}
		}
		NUMBER_PARAMS.forEach((endpoint, param) -> BAD_NUMBERS
			.forEach(value -> cases.add(Case.get(endpoint.formatted(param + "=" + value)))));
		for (String param : TEXT_PARAMS) {
			for (String value : BAD_TEXT) {
				cases.add(Case.get(param + value));
			}
		}
		for (String value : List.of("pdf", "JSON%00", "planet", "%00", "a".repeat(201))) {
			cases.add(Case.get("/api/export?format=" + value));
			cases.add(Case.get("/api/search?q=spark&kind=" + value));
		}
		for (String value : List.of("2023-13", "2023-02-30", "yesterday", "99999", "2023-1", "%00")) {
			cases.add(Case.get("/api/policies?from=" + value));
		}
		cases.add(Case.get("/api/search?q=" + "a".repeat(201)));
		cases.add(Case.get("/api/search?q=%00"));
		cases.add(Case.get("/api/search?q=%20%20"));
		cases.add(Case.get("/api/search"));
		cases.add(Case.get("/api/graph"));
		cases.add(Case.get("/api/path?from=huawei"));
		cases.add(Case.get("/api/path?from=huawei&to=huawei&maxDepth=7"));
		cases.add(Case.get("/api/graph?focus=huawei&depth=4"));
		cases.add(Case.get("/api/industries/finance/models?includeGeneral=maybe"));
		cases.add(Case.get("/api/admin/seed/reload"));
		cases.add(Case.get("/error"));
		cases.add(Case.get("/error?status=500"));
		cases.add(Case.get("/api/no-such-endpoint"));
		cases.add(Case.get("/no-such-page"));
		cases.add(Case.get("/WEB-INF/web.xml"));
		cases.add(Case.get("/WEB-INF/"));
		cases.add(Case.get("/META-INF/MANIFEST.MF"));
		cases.add(Case.get("/api/documents", "Accept: image/png"));
		cases.add(Case.get("/api/no-such-endpoint", "Accept: text/html"));
		cases.add(Case.get("/api/search?q=星火"));
		cases.add(Case.get("/api/entities/华为"));
		cases.add(Case.get("/api/search?q=a b"));
		cases.add(Case.get("/api/search?q=\"x\""));
		cases.add(Case.get("/api/search?q=<script>"));
		cases.add(new Case("GET", "/api/search?q=a\0b".getBytes(StandardCharsets.UTF_8), new String[0]));
		cases.add(new Case("GET", "/api/entities/a\rb".getBytes(StandardCharsets.UTF_8), new String[0]));
		cases.add(new Case("GET", new byte[] { '/', 'a', 'p', 'i', '/', 's', (byte) 0xFF }, new String[0]));
		cases.add(Case.get("/api/search?q=" + "a".repeat(1_000_000)));
		cases.add(Case.get("/api/stats", "X-Padding: " + "a".repeat(100_000)));
		cases.add(Case.get("/api/stats", "Bad Header: x"));
		cases.add(Case.get("/api/../../etc/passwd"));
		cases.add(Case.get("/api/%2e%2e/%2e%2e/etc/passwd"));
		cases.add(Case.get("//api//entities//"));
		cases.add(Case.get("/api/entities/;jsessionid=1"));
		for (String method : List.of("TRACE", "PUT", "DELETE", "PATCH", "POST", "FOO")) {
			cases.add(new Case(method, "/api/stats".getBytes(StandardCharsets.UTF_8), new String[0]));
		}
		cases.add(new Case("TRACE", "/".getBytes(StandardCharsets.UTF_8), new String[0]));
		cases.add(new Case("POST", "/api/admin/seed/reload".getBytes(StandardCharsets.UTF_8), new String[] { "Authorization: Basic Zm9vOmJhcg==" }));
		cases.add(new Case("POST", "/api/admin/seed/reload".getBytes(StandardCharsets.UTF_8), new String[] { "Authorization: Bearer" }));
		cases.add(new Case("POST", "/api/admin/seed/reload/now".getBytes(StandardCharsets.UTF_8),
				new String[] { "Authorization: Bearer test-admin-token" }));
		cases.add(new Case("GET", "/api/admin/seed/reload".getBytes(StandardCharsets.UTF_8),
				new String[] { "Authorization: Bearer test-admin-token" }));
		for (String offset : List.of("/api/overview?groupOffset=", "/api/overview/group?section=models&group=general&offset=",
				"/api/overview/regions?offset=")) {
			cases.add(Case.get(offset + Integer.MAX_VALUE));
		}
		cases.add(Case.postDocument(document("a\\ud800b", "text")));
		cases.add(Case.postDocument(document("title", "text\\udc00")));
		cases.add(Case.postDocument(document("a".repeat(1_000_000), "text")));
		for (String component : List.of("foo", "diskSpace", "embeddedDatabase")) {
			cases.add(Case.get("/actuator/health/" + component));
		}
		cases.add(new Case("POST", "/api/admin/seed/reload".getBytes(StandardCharsets.UTF_8), new String[] { "Authorization: Bearer 令牌" }));
		cases.add(Case.get("/api/stats", "Authorization: Bearer 令牌"));
		return cases;
	}

	/**
	 * A document to add, whose date is not one: nothing reaches graph-seed/ even if the check a case is about
	 * were gone (the dedicated tests below say which check answers).
	 */
	private static String document(String title, String text) {
		return "{\"title\":\"" + title + "\",\"publisher\":\"p\",\"date\":\"2025-13\",\"text\":\"" + text + "\"}";
	}

	@Test
	void every_bad_input_across_every_endpoint_is_a_4xx_problem_never_a_5xx() {
		List<Case> cases = cases();
		List<String> serverErrors = new ArrayList<>();
		List<String> notProblems = new ArrayList<>();
		long slowest = 0;
		String slowestCase = "";
		for (Case c : cases) {
			long start = System.nanoTime();
			RawHttp.Response response = RawHttp.send(port, c.method(), c.target(), c.body(), c.headers());
			long millis = (System.nanoTime() - start) / 1_000_000;
			if (millis > slowest) {
				slowest = millis;
				slowestCase = c.describe();
			}
			String line = c.describe() + " -> " + response.status() + " " + response.header("Content-Type") + " "
					+ response.body().substring(0, Math.min(160, response.body().length()));
			if (response.status() >= 500) {
				serverErrors.add(line);
			}
			else if (response.status() < 400 || !isProblem(response)) {
				notProblems.add(line);
			}
		}
		System.out.printf("Bad-input suite: %d cases, %d answered 5xx, %d not a 4xx problem; slowest %d ms (%s)%n",
				cases.size(), serverErrors.size(), notProblems.size(), slowest, slowestCase);
		serverErrors.forEach(line -> System.out.println("  5xx: " + line));
		notProblems.forEach(line -> System.out.println("  not a 4xx problem: " + line));
		assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
		assertThat(serverErrors).as("5xx answers").isEmpty();
		assertThat(notProblems).as("answers that are not a 4xx problem").isEmpty();
	}

	private static boolean isProblem(RawHttp.Response response) {
		String type = response.header("Content-Type");
		if (type == null || !type.startsWith("application/problem+json")) {
			return false;
		}
		JsonNode body = JsonMapper.shared().readTree(response.body());
		return body.path("status").asInt() == response.status() && !body.path("detail").asString("").isBlank()
				&& !response.body().contains("\tat ") && !response.body().contains("Exception");
	}

	private JsonNode problem(Case c, int status) {
		RawHttp.Response response = RawHttp.send(port, c.method(), c.target(), c.body(), c.headers());
		assertThat(response.status()).as(c.describe() + " -> " + response.body()).isEqualTo(status);
		assertThat(isProblem(response)).as(response.header("Content-Type") + " " + response.body()).isTrue();
		return JsonMapper.shared().readTree(response.body());
	}

	@Test
	void an_offset_past_the_int_range_is_a_400_with_its_limit_not_an_overflow() {
		JsonNode body = problem(Case.get("/api/overview?groupOffset=" + Integer.MAX_VALUE), 400);
		assertThat(body.path("parameter").asString()).isEqualTo("groupOffset");
		assertThat(body.path("detail").asString()).contains("1000000");
	}

	@Test
	void a_lone_surrogate_escape_in_a_document_is_a_400_naming_its_field() {
		JsonNode title = problem(Case.postDocument(document("a\\ud800b", "text")), 400);
		assertThat(title.path("field").asString()).isEqualTo("title");
		assertThat(title.path("detail").asString()).contains("lone surrogate");
		assertThat(problem(Case.postDocument(document("title", "text\\udc00")), 400).path("field").asString()).isEqualTo("text");
	}

	@Test
	void a_title_of_a_megabyte_is_a_400_with_the_limit() {
		JsonNode body = problem(Case.postDocument(document("a".repeat(1_000_000), "text")), 400);
		assertThat(body.path("field").asString()).isEqualTo("title");
		assertThat(body.path("detail").asString()).contains("1000000 characters", "limit is 500");
	}

	@Test
	void a_health_component_not_shown_is_a_404_problem_that_says_to_send_the_token() {
		for (String component : List.of("foo", "diskSpace", "embeddedDatabase")) {
			JsonNode body = problem(Case.get("/actuator/health/" + component), 404);
			assertThat(body.path("detail").asString()).contains(component, "admin token", "/actuator/health/readiness");
		}
	}

	@Test
	void a_bearer_token_outside_ascii_is_a_400_problem_naming_the_header() {
		JsonNode body = problem(new Case("POST", "/api/admin/seed/reload".getBytes(StandardCharsets.UTF_8),
				new String[] { "Authorization: Bearer 令牌" }), 400);
		assertThat(body.path("detail").asString()).contains("The header Authorization", "printable ASCII");
		assertThat(body.toString()).doesNotContain("令", "ä»¤");
	}

	@Test
	void raw_utf8_in_the_url_is_a_400_that_says_to_percent_encode_with_curl() {
		RawHttp.Response response = RawHttp.get(port, "/api/search?q=星火");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("percent-encoded", "curl -G", "--data-urlencode");
	}

	@Test
	void invalid_percent_encoding_in_a_query_parameter_is_a_400_problem() {
		for (String bad : List.of("%FF", "%C3%28", "%ZZ")) {
			RawHttp.Response response = RawHttp.get(port, "/api/search?q=" + bad);
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.body()).as(bad).contains("percent-encoded UTF-8");
		}
	}

	@Test
	void a_hexadecimal_number_is_a_400_naming_the_parameter_not_sixteen() {
		RawHttp.Response response = RawHttp.get(port, "/api/search?q=spark&limit=0x10");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"parameter\":\"limit\"", "decimal");
	}

	@Test
	void an_empty_format_is_a_400_not_json() {
		RawHttp.Response response = RawHttp.get(port, "/api/export?format=");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"parameter\":\"format\"");
	}

}
