package cn.landscape.browser;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.landscape.entity.Kind;
import cn.landscape.support.HarnessDatabase;
import cn.landscape.support.Http;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** Neo4j Browser served by the service, opening on the service's database with the guide. */
class BrowserEndpointsTest extends SeededApp {

	private final HttpClient client = HttpClient.newHttpClient(); // does not follow redirects

	@Test
	void browser_redirects_to_itself_pointed_at_the_bolt_address_with_the_guide() throws Exception {
		HttpResponse<String> response = get(url("/browser/"));
		assertThat(response.statusCode()).isEqualTo(302);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		assertThat(location.getPath()).isEqualTo("/browser/");
		Map<String, String> params = Arrays.stream(location.getRawQuery().split("&"))
			.map(p -> p.split("=", 2))
			.collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
		assertThat(params).containsEntry("connectURL", HarnessDatabase.boltUri())
			.containsEntry("preselectAuthMethod", "NO_AUTH")
			.containsEntry("cmd", "guide")
			.containsEntry("arg", url("/guide/landscape.html"));
		assertThat(get(url("/browser")).statusCode()).isEqualTo(302);
	}

	@Test
	void browser_app_is_served_from_the_jar_once_its_parameters_are_there() throws Exception {
		HttpResponse<String> page = get(url("/browser/?connectURL=bolt%3A%2F%2Flocalhost%3A7687"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Neo4j Browser</title>");
		String script = page.body().replaceAll("(?s).*<script src=\"(app-[^\"]+\\.js)\".*", "$1");
		assertThat(get(url("/browser/" + script)).statusCode()).isEqualTo(200);
	}

	@Test
	void browser_opened_on_the_loopback_address_moves_to_localhost_whose_guides_it_trusts() throws Exception {
		HttpResponse<String> response = get("http://127.0.0.1:" + port + "/browser/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/browser/");
	}

	@Test
	void guide_is_served_with_the_services_own_address_filled_in() {
		Http.Response guide = Http.get(url("/guide/landscape.html"));
		assertThat(guide.status()).isEqualTo(200);
		assertThat(guide.contentType()).startsWith("text/html");
		assertThat(guide.body()).doesNotContain("{{base}}")
			.contains("data-exec=\"style " + url("/guide/landscape.grass") + "\"")
			.contains("<pre class=\"code runnable\">");
	}

	@Test
	void grass_style_gives_every_kind_a_colour_and_its_name_as_caption() {
		Http.Response grass = Http.get(url("/guide/landscape.grass"));
		assertThat(grass.status()).isEqualTo(200);
		for (Kind kind : Kind.values()) {
			Matcher rule = Pattern.compile("node\\." + kind.label() + " \\{(.*?)\\n}", Pattern.DOTALL).matcher(grass.body());
			assertThat(rule.find()).as("rule for %s", kind.label()).isTrue();
			assertThat(rule.group(1)).as(kind.label()).containsPattern("\\scolor: #[0-9A-Fa-f]{6};").contains("caption: '{name}'");
		}
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
