package cn.landscape.overview;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import cn.landscape.overview.OverviewQueries.Filters;
import cn.landscape.overview.OverviewQueries.Section;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a section has a tuned twin of its plain Cypher, both answer the same, on the real seed. */
class OverviewTwinsTest extends SeededApp {

	@Autowired
	OverviewQueries queries;

	@Autowired
	Neo4jClient client;

	@Test
	void models_of_an_industry_found_from_the_industry_are_the_models_the_plain_filter_keeps() {
		List<String> industries = List.copyOf(client.query("MATCH (i:Industry) RETURN i.id AS id ORDER BY id").fetchAs(String.class).all());
		assertThat(industries).isNotEmpty();
		long compared = 0;
		for (String industry : industries) {
			for (Filters filters : List.of(new Filters(industry, null, null), new Filters(industry, "guangdong", null))) {
				var tuned = queries.groups(Section.MODELS, filters, 500, 0, 100, false);
				var plain = queries.groups(Section.MODELS, filters, 500, 0, 100, true);
				assertThat(tuned).as(filters.toString()).isEqualTo(plain);
				compared += tuned.groups().stream().mapToLong(OverviewQueries.Group::count).sum();
			}
		}
		assertThat(compared).as("models compared across industries").isPositive();
	}

}
