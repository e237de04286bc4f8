package cn.landscape.browser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.landscape.LandscapeProperties;
import cn.landscape.embedded.EmbeddedNeo4j;
import cn.landscape.web.PublicUrl;

import static org.assertj.core.api.Assertions.assertThat;

/** Where /browser/ points when the service uses an external database rather than the embedded one. */
class BrowserControllerTest {

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void external_database_with_a_password_opens_with_its_user_filled_in_and_asks_for_the_password() {
		String target = openBrowser(new LandscapeProperties.Neo4j("neo4j+s://db.example.com:7687", "reader", "secret"));
		assertThat(decoded(target)).contains("connectURL=neo4j+s://reader@db.example.com:7687")
			.contains("preselectAuthMethod=NATIVE")
			.doesNotContain("secret");
	}

	@Test
	void external_database_without_a_password_opens_with_no_authentication() {
		String target = openBrowser(new LandscapeProperties.Neo4j("bolt://db.example.com:7687", "neo4j", ""));
		assertThat(target).contains("connectURL=bolt%3A%2F%2Fdb.example.com%3A7687&")
			.contains("preselectAuthMethod=NO_AUTH")
			.contains("arg=http%3A%2F%2Fservice.example.com%3A8080%2Fguide%2Flandscape.html");
	}

	@Test
	void cypher_from_the_page_goes_into_the_editor_instead_of_the_guide() {
		String cypher = "MATCH (m:Model {id: 'spark'})-[r]-(o) RETURN m, r, o LIMIT 10 + 1";
		String target = openBrowser(new LandscapeProperties.Neo4j("bolt://db.example.com:7687", "neo4j", ""),
				"cmd", "edit", "arg", cypher);
		assertThat(decoded(target)).contains("cmd=edit&arg=" + cypher).doesNotContain("guide");
		assertThat(target).contains("%2B").contains("connectURL=bolt%3A%2F%2Fdb.example.com%3A7687&");
	}

	@Test
	void a_command_browser_does_not_take_opens_the_guide() {
		String target = openBrowser(new LandscapeProperties.Neo4j("bolt://db.example.com:7687", "neo4j", ""),
				"cmd", "sysinfo", "arg", "x");
		assertThat(decoded(target)).contains("cmd=guide&arg=http://service.example.com:8080/guide/landscape.html");
	}

	/** What Browser reads: each parameter value decoded once (URLSearchParams turns a raw '+' into a space). */
	private static String decoded(String target) {
		return Arrays.stream(target.substring(target.indexOf('?') + 1).split("&"))
			.map(p -> p.substring(0, p.indexOf('=') + 1) + URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String openBrowser(LandscapeProperties.Neo4j neo4j, String... parameters) {
		LandscapeProperties properties = new LandscapeProperties(
				new LandscapeProperties.Embedded(7687, Path.of("unused"), "16m", "", "127.0.0.1",
						org.springframework.util.unit.DataSize.ofMegabytes(200)), neo4j,
				new LandscapeProperties.Seed(Path.of("graph-seed"), false, 100), new LandscapeProperties.Admin("", 5, Duration.ofMinutes(1)),
				new LandscapeProperties.Query(Duration.ofSeconds(2), 500));
		BrowserController controller = new BrowserController(
				new StaticListableBeanFactory().getBeanProvider(EmbeddedNeo4j.class), properties,
				PublicUrl.of("http://service.example.com:8080"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/browser/");
		request.setServerName("evil.example");
		request.setServerPort(8080);
		for (int i = 0; i < parameters.length; i += 2) {
			request.addParameter(parameters[i], parameters[i + 1]);
		}
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		String view = controller.browser(request);
		assertThat(view).startsWith("redirect:/browser/?");
		return view;
	}

}
