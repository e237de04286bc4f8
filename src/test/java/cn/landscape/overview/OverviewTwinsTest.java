package cn.landscape.overview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import cn.landscape.overview.OverviewQueries.Filters;
import cn.landscape.overview.OverviewQueries.Section;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a section or the timeline has a twin of its plain Cypher, both answer the same, on the real seed. */
class OverviewTwinsTest extends SeededApp {

	@Autowired
	OverviewQueries queries;

	@Autowired
	Neo4jClient client;

	private List<String> ids(String label) {
		List<String> ids = List.copyOf(client.query("MATCH (n:%s) RETURN n.id AS id ORDER BY id".formatted(label))
			.fetchAs(String.class)
			.all());
		assertThat(ids).as(label).isNotEmpty();
		return ids;
	}

	@Test
	void sections_found_from_the_industry_or_the_region_hold_what_the_plain_filters_keep() {
		List<Filters> filters = new ArrayList<>();
		ids("Industry").forEach(industry -> {
			filters.add(new Filters(industry, null, null));
			filters.add(new Filters(industry, "guangdong", null));
		});
		ids("Region").forEach(region -> filters.add(new Filters(null, region, null)));
		long compared = 0;
		for (Section section : Section.values()) {
			for (Filters f : filters) {
				var tuned = queries.groups(section, f, 500, 0, 100, false);
				var plain = queries.groups(section, f, 500, 0, 100, true);
				assertThat(tuned).as(section + " " + f).isEqualTo(plain);
				compared += tuned.groups().stream().mapToLong(OverviewQueries.Group::count).sum();
			}
		}
		assertThat(compared).as("cards compared across sections and filters").isPositive();
		assertThat(Arrays.stream(Section.values()).filter(s -> s.rowsOfRegion != null)).as("sections with a region twin")
			.isNotEmpty();
	}

	@Test
	void the_timeline_of_a_region_found_from_the_region_is_the_plain_timeline() {
		long compared = 0;
		for (String region : ids("Region")) {
			for (String kind : Arrays.asList(null, "policy", "model")) {
				var tuned = queries.timeline(region, kind, 501, false);
				assertThat(tuned).as(region + " " + kind).isEqualTo(queries.timeline(region, kind, 501, true));
				compared += tuned.size();
			}
		}
		assertThat(compared).as("events compared across regions").isPositive();
	}

}
