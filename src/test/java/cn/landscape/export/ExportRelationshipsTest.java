package cn.landscape.export;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.Plan;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.support.FixtureDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's relationships statement: a start node's relationships sorted in memory and those of a node
 * over the threshold, taken in the other ends' id order from the index, come out the same.
 */
@DataNeo4jTest
class ExportRelationshipsTest {

	@RegisterExtension
	static final FixtureDatabase fixture = FixtureDatabase.withSchema("""
			CREATE (d:Document:Entity {id: 'report'})
			CREATE (v:Vendor:Entity {id: 'huawei'})
			CREATE (m1:Model:Entity {id: 'pangu'})
			CREATE (m2:Model:Entity {id: 'ascend-model'})
			CREATE (c:Chip:Entity {id: 'ascend'})
			CREATE (r:Region:Entity {id: 'shenzhen'})
			CREATE (d)-[:MENTIONS {evidenceQuotes: ['华为']}]->(v), (d)-[:MENTIONS]->(m1), (d)-[:MENTIONS]->(m2),
			       (d)-[:MENTIONS]->(c), (d)-[:MENTIONS]->(r), (d)-[:PUBLISHED_BY]->(v)
			CREATE (v)-[:DEVELOPS]->(m1), (v)-[:DEVELOPS]->(m2), (v)-[:LOCATED_IN]->(r)
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	Driver driver;

	private List<String> rows(String label, int sorted) {
		return driver.executableQuery(ExportController.RELATIONSHIPS.formatted(label))
			.withParameters(Map.of("sorted", sorted))
			.execute()
			.records()
			.stream()
			.map(r -> r.get("fromId").asString() + " " + r.get("type").asString() + " " + r.get("toLabel").asString() + ":"
					+ r.get("toId").asString() + " " + r.get("props").get("evidenceQuotes").asObject())
			.toList();
	}

	@Test
	void relationships_come_by_type_then_other_end_whether_sorted_in_memory_or_read_in_index_order() {
		List<String> document = rows("Document", 100);
		assertThat(document).containsExactly("report MENTIONS Chip:ascend null", "report MENTIONS Model:ascend-model null",
				"report MENTIONS Vendor:huawei [华为]", "report MENTIONS Model:pangu null",
				"report MENTIONS Region:shenzhen null", "report PUBLISHED_BY Vendor:huawei null");
		List<String> vendor = rows("Vendor", 100);
		assertThat(vendor).containsExactly("huawei DEVELOPS Model:ascend-model null", "huawei DEVELOPS Model:pangu null",
				"huawei LOCATED_IN Region:shenzhen null");
		for (int sorted : List.of(0, 1, 2)) {
			assertThat(rows("Document", sorted)).as("threshold %d", sorted).isEqualTo(document);
			assertThat(rows("Vendor", sorted)).as("threshold %d", sorted).isEqualTo(vendor);
		}
	}

	@Test
	void a_node_over_the_threshold_is_read_through_the_id_index_without_a_sort() {
		Plan plan = driver.executableQuery("EXPLAIN " + ExportController.RELATIONSHIPS.formatted("Document"))
			.withParameters(Map.of("sorted", 0))
			.execute()
			.summary()
			.plan();
		Plan indexed = find(plan, "NodeIndexScan", "b:Entity(id)");
		assertThat(indexed).as("the other ends read from the Entity id index").isNotNull();
		assertThat(ancestors(plan, indexed)).as("operators over the index scan up to its branch")
			.noneMatch(p -> p.operatorType().startsWith("Sort") || p.operatorType().startsWith("Top"));
	}

	private static Plan find(Plan plan, String operator, String detail) {
		if (plan.operatorType().startsWith(operator) && String.valueOf(plan.arguments().get("Details")).contains(detail)) {
			return plan;
		}
		return plan.children().stream().map(c -> find(c, operator, detail)).filter(p -> p != null).findFirst().orElse(null);
	}

	/** The operators between the union that holds {@code target} and {@code target}. */
	private static List<Plan> ancestors(Plan plan, Plan target) {
		if (plan == target) {
			return List.of();
		}
		for (Plan child : plan.children()) {
			List<Plan> below = ancestors(child, target);
			if (below != null) {
				if (plan.operatorType().startsWith("Union")) {
					return below;
				}
				return java.util.stream.Stream.concat(java.util.stream.Stream.of(plan), below.stream()).toList();
			}
		}
		return null;
	}

}
