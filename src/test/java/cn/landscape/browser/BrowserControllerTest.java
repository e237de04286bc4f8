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

import static org.assertj.core.api.Assertions.assertThat;

/** Where /browser/ points when the service uses an external database rather than the embedded one. */
class BrowserControllerTest {

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void externalDatabaseWithAPasswordOpensWithItsUserFilledInAndAsksForThePassword() {
		String target = openBrowser(new LandscapeProperties.Neo4j("neo4j+s://db.example.com:7687", "reader", "secret"));
		assertThat(decoded(target)).contains("connectURL=neo4j+s://reader@db.example.com:7687")
			.contains("preselectAuthMethod=NATIVE")
			.doesNotContain("secret");
	}

	@Test
	void externalDatabaseWithoutAPasswordOpensWithNoAuthentication() {
		String target = openBrowser(new LandscapeProperties.Neo4j("bolt://db.example.com:7687", "neo4j", ""));
		assertThat(target).contains("connectURL=bolt%3A%2F%2Fdb.example.com%3A7687&")
			.contains("preselectAuthMethod=NO_AUTH")
			.contains("arg=http%3A%2F%2Fservice.example.com%3A8080%2Fguide%2Flandscape.html");
	}

	/** What Browser reads: each parameter value decoded once (URLSearchParams turns a raw '+' into a space). */
	private static String decoded(String target) {
		return Arrays.stream(target.substring(target.indexOf('?') + 1).split("&"))
			.map(p -> p.substring(0, p.indexOf('=') + 1) + URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String openBrowser(LandscapeProperties.Neo4j neo4j) {
		LandscapeProperties properties = new LandscapeProperties(
				new LandscapeProperties.Embedded(7687, Path.of("unused"), "16m"), neo4j,
				new LandscapeProperties.Seed(Path.of("graph-seed"), false, 100), new LandscapeProperties.Admin(""),
				new LandscapeProperties.Query(Duration.ofSeconds(2), 500));
		BrowserController controller = new BrowserController(
				new StaticListableBeanFactory().getBeanProvider(EmbeddedNeo4j.class), properties);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/browser/");
		request.setServerName("service.example.com");
		request.setServerPort(8080);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		String view = controller.browser(request);
		assertThat(view).startsWith("redirect:/browser/?");
		return view;
	}

}
