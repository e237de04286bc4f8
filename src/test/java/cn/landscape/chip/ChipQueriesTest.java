package cn.landscape.chip;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.LandscapeProperties;
import cn.landscape.chip.ChipQueries.ChipDependency;
import cn.landscape.chip.ChipQueries.Dependent;
import cn.landscape.support.FixtureDatabase;
import cn.landscape.web.WarmupStatements;

import static org.assertj.core.api.Assertions.assertThat;

@DataNeo4jTest
@EnableConfigurationProperties(LandscapeProperties.class)
@Import({ ChipQueries.class, ChipStatements.class })
class ChipQueriesTest {

	@RegisterExtension
	static final FixtureDatabase fixture = new FixtureDatabase("""
			CREATE (family:Model:Entity {id: 'pangu', name: '盘古'})
			CREATE (v3:Model:Entity {id: 'pangu-3', name: '盘古 3.0'})
			CREATE (other:Model:Entity {id: 'other', name: '其他'})
			CREATE (huawei:Vendor:Entity {id: 'huawei', name: '华为'})
			CREATE (cloud:Facility:Entity {id: 'cloud', name: '华为云'})
			CREATE (ascend:Chip:Entity {id: 'ascend', name: '昇腾'})
			CREATE (a100:Chip:Entity {id: 'a100', name: 'A100'})
			CREATE (a800:Chip:Entity {id: 'a800', name: 'A800'})
			CREATE (control:Policy:Entity {id: 'control', name: '管制'})
			CREATE (v3)-[:VERSION_OF {evidenceDocs: ['d'], evidenceQuotes: ['盘古 3.0'], evidenceSections: ['']}]->(family)
			CREATE (family)-[:RUNS_ON {evidenceDocs: ['d'], evidenceQuotes: ['基于昇腾'], evidenceSections: ['']}]->(ascend)
			CREATE (huawei)-[:DEVELOPS {evidenceDocs: ['d'], evidenceQuotes: ['华为盘古'], evidenceSections: ['']}]->(family)
			CREATE (huawei)-[:DEVELOPS {evidenceDocs: ['d'], evidenceQuotes: ['华为云'], evidenceSections: ['']}]->(cloud)
			CREATE (cloud)-[:RUNS_ON {evidenceDocs: ['d'], evidenceQuotes: ['华为云用 A100'], evidenceSections: ['']}]->(a100)
			CREATE (other)-[:TRAINED_ON {evidenceDocs: ['d'], evidenceQuotes: ['用 A800 训练'], evidenceSections: ['']}]->(a800)
			CREATE (a800)-[:SUBSTITUTES_FOR {evidenceDocs: ['d'], evidenceQuotes: ['A800 替代 A100'], evidenceSections: ['']}]->(a100)
			CREATE (control)-[:RESTRICTS {evidenceDocs: ['d'], evidenceQuotes: ['A100 被管制'], evidenceSections: ['']}]->(a100)
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	ChipQueries queries;

	@Autowired
	ChipStatements statements;

	@Autowired
	Neo4jClient client;

	@Test
	void a_version_depends_on_its_family_chips_and_its_vendor_facility_chips() {
		List<ChipDependency> chips = queries.dependencies("pangu-3");
		assertThat(chips).extracting(c -> c.chip().id()).containsExactly("a100", "ascend");
		ChipDependency a100 = chips.getFirst();
		assertThat(a100.restrictions()).extracting(l -> l.node().id()).containsExactly("control");
		assertThat(a100.substitutes()).extracting(l -> l.node().id()).containsExactly("a800");
		assertThat(a100.paths().getFirst()).extracting(h -> h.type())
			.containsExactly("VERSION_OF", "DEVELOPS", "DEVELOPS", "RUNS_ON");
	}

	@Test
	void dependents_of_a_chip_include_those_relying_on_the_chip_it_substitutes_for() {
		List<Dependent> dependents = queries.dependents("a800").orElseThrow().dependents();
		assertThat(dependents).extracting(d -> d.node().ref())
			.containsExactly("vendor:huawei", "model:other", "model:pangu", "model:pangu-3");
	}

	@Test
	void dependents_of_a_chip_are_the_models_versions_and_vendors_on_it_and_an_unknown_chip_has_no_answer() {
		assertThat(queries.dependents("ascend").orElseThrow().dependents()).extracting(d -> d.node().id())
			.containsExactly("huawei", "pangu", "pangu-3");
		assertThat(queries.dependents("no-such-chip")).isEmpty();
	}

	@Test
	void every_statement_the_warmup_runs_for_dependents_is_valid_and_reads_nothing_for_an_id_that_names_nothing() {
		List<WarmupStatements.Statement> all = statements.all("~".repeat(10));
		// The estimate, the plain form, each kind's two ways, and the page for lists of 10, 100 and 500 ids
		assertThat(all).hasSize(2 + ChipQueries.DEPENDENT_KINDS.size() * 2 + 3);
		for (WarmupStatements.Statement statement : all) {
			var rows = client.query(statement.cypher()).bindAll(statement.parameters()).fetch().all();
			if (statement.cypher().equals(ChipQueries.ESTIMATE)) {
				assertThat(rows).singleElement()
					.satisfies(row -> assertThat(List.<Object>copyOf(((java.util.Map<?, ?>) row.get("reached")).values()))
						.containsOnly(0L));
			}
			else {
				assertThat(rows).as(statement.cypher()).isEmpty();
			}
		}
	}

	@Test
	void a_graph_with_fewer_relationships_than_a_walk_reads_warms_only_the_estimate_and_the_plain_form() {
		assertThat(statements.statements(List.of("~".repeat(10)))).extracting(WarmupStatements.Statement::cypher)
			.containsExactly(ChipQueries.ESTIMATE, ChipQueries.DEPENDENTS);
	}

}
