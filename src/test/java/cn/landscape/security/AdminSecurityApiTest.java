package cn.landscape.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.landscape.support.SeededApp;
import cn.landscape.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may write, what every response carries, and what a forged Host header cannot do. */
class AdminSecurityApiTest extends SeededApp {

	private static final String TOKEN = "Authorization: Bearer test-admin-token";

	private RawHttp.Response post(String path, String... headers) {
		return RawHttp.send(port, "POST", path.getBytes(), headers);
	}

	private static JsonNode problem(RawHttp.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = JsonMapper.shared().readTree(response.body());
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("detail").asString()).isNotBlank();
		return body;
	}

	@Test
	void admin_request_without_a_token_is_a_401_problem_with_a_bearer_challenge() {
		RawHttp.Response response = post("/api/admin/seed/reload");
		JsonNode body = problem(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=");
		assertThat(body.get("detail").asString()).contains("Authorization: Bearer");
	}

	@Test
	void admin_request_with_a_wrong_token_is_a_401_problem_saying_the_token_is_invalid() {
		RawHttp.Response response = post("/api/admin/seed/reload", "Authorization: Bearer not-it");
		problem(response, 401);
		assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
	}

	@Test
	void every_write_under_the_api_needs_the_token_even_on_paths_that_do_not_exist_yet() {
		for (String path : List.of("/api/documents", "/api/proposals/p1/accept", "/api/proposals/p1/reject", "/api/stats")) {
			problem(post(path), 401);
		}
		problem(RawHttp.send(port, "DELETE", "/api/entities/huawei".getBytes()), 401);
		problem(RawHttp.get(port, "/api/admin/integrity"), 401);
	}

	@Test
	void every_response_carries_the_security_headers() {
		for (String path : List.of("/", "/app.js", "/api/stats", "/api/no-such-thing", "/swagger-ui/index.html",
				"/v3/api-docs", "/actuator/health", "/browser/index.html")) {
			RawHttp.Response response = RawHttp.get(port, path);
			assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'")
				.contains("default-src 'self'")
				.contains("object-src 'none'");
			assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
			assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
		}
		assertThat(RawHttp.get(port, "/").header("Content-Security-Policy")).contains("script-src 'self';");
		assertThat(RawHttp.get(port, "/browser/index.html").header("Content-Security-Policy")).contains("connect-src 'self' ws: wss:");
	}

	@Test
	void health_details_show_only_with_the_token() {
		JsonNode open = JsonMapper.shared().readTree(RawHttp.get(port, "/actuator/health").body());
		assertThat(open.get("status").asString()).isEqualTo("UP");
		assertThat(open.has("components")).isFalse();
		JsonNode withToken = JsonMapper.shared().readTree(RawHttp.get(port, "/actuator/health", TOKEN).body());
		assertThat(withToken.get("components").get("neo4j").get("status").asString()).isEqualTo("UP");
		assertThat(RawHttp.get(port, "/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void a_forged_host_header_never_reaches_a_redirect_or_a_generated_url() {
		String evil = "Host: evil.example";
		RawHttp.Response browser = RawHttp.get(port, "/browser/", evil);
		assertThat(browser.status()).isEqualTo(302);
		assertThat(browser.header("Location")).startsWith("/browser/?").doesNotContain("evil.example");
		assertThat(browser.header("Location")).contains("localhost%3A" + port);
		assertThat(RawHttp.get(port, "/guide/landscape.html", evil).body()).doesNotContain("evil.example")
			.contains("http://localhost:" + port + "/guide/landscape.grass");
		assertThat(RawHttp.get(port, "/v3/api-docs", evil).body()).doesNotContain("evil.example").contains("\"servers\":[{\"url\":\"/\"");
		assertThat(RawHttp.get(port, "/browser/", "Host: 127.0.0.1:" + port).header("Location"))
			.isEqualTo("http://localhost:" + port + "/browser/");
	}

}
