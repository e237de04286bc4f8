package cn.landscape.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every Cypher query of the Neo4j Browser guide, as read from the guide file itself, against the
 * seeded database: a walkthrough whose query shows nothing would teach nothing.
 */
class BrowserGuideQueriesTest extends SeededApp {

	private static final Pattern SLIDE = Pattern.compile("<slide>(.*?)</slide>", Pattern.DOTALL);

	private static final Pattern TITLE = Pattern.compile("<h3>(.*?)</h3>", Pattern.DOTALL);

	private static final Pattern QUERY = Pattern.compile("<pre class=\"code runnable\">(.*?)</pre>", Pattern.DOTALL);

	@Autowired
	Driver driver;

	record GuideQuery(String slide, int number, String cypher) {
	}

	static List<GuideQuery> guideQueries() throws IOException {
		String html;
		try (InputStream in = new ClassPathResource("static" + BrowserController.GUIDE_PATH).getInputStream()) {
			html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<GuideQuery> queries = new ArrayList<>();
		Matcher slide = SLIDE.matcher(html);
		while (slide.find()) {
			Matcher title = TITLE.matcher(slide.group(1));
			String name = title.find() ? unescape(title.group(1)) : "slide";
			Matcher query = QUERY.matcher(slide.group(1));
			for (int n = 1; query.find(); n++) {
				queries.add(new GuideQuery(name, n, unescape(query.group(1)).strip()));
			}
		}
		return queries;
	}

	private static String unescape(String html) {
		return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&amp;", "&");
	}

	@Test
	void guideHasRunnableQueriesForEachWalkthrough() throws IOException {
		List<GuideQuery> queries = guideQueries();
		assertThat(queries.stream().map(GuideQuery::slide).distinct())
			.anyMatch(s -> s.contains("finance"))
			.anyMatch(s -> s.contains("chips"))
			.anyMatch(s -> s.contains("region and date"))
			.anyMatch(s -> s.contains("vendor"));
		assertThat(queries).allSatisfy(q -> assertThat(q.cypher()).doesNotStartWith(":"));
	}

	@TestFactory
	Stream<DynamicTest> everyGuideQueryReturnsRowsOnTheSeed() throws IOException {
		return guideQueries().stream()
			.map(q -> DynamicTest.dynamicTest(q.slide() + " #" + q.number(), () -> {
				try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
					List<Record> rows = session.executeRead(tx -> tx.run(q.cypher()).list());
					assertThat(rows).as("rows of:%n%s", q.cypher()).isNotEmpty();
				}
			}));
	}

}
