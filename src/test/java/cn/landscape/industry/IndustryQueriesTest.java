package cn.landscape.industry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.LandscapeProperties;
import cn.landscape.industry.IndustryQueries.ServingModel;
import cn.landscape.support.FixtureDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@DataNeo4jTest
@EnableConfigurationProperties(LandscapeProperties.class)
@Import(IndustryQueries.class)
class IndustryQueriesTest {

	@RegisterExtension
	static final FixtureDatabase fixture = new FixtureDatabase("""
			CREATE (f:Industry:Entity {id: 'finance', name: '金融'})
			CREATE (v:Vendor:Entity {id: 'ronglian', name: '容联云'})
			CREATE (direct:Model:Entity {id: 'b-direct', name: '直接', type: 'industry'})
			CREATE (viaApp:Model:Entity {id: 'a-via-app', name: '经应用', type: 'industry'})
			CREATE (general:Model:Entity {id: 'c-general', name: '通用', type: 'general'})
			CREATE (app:Application:Entity {id: 'copilot', name: '容犀 Copilot'})
			CREATE (v)-[:DEVELOPS {evidenceDocs: ['d'], evidenceQuotes: ['容联云发布'], evidenceSections: ['']}]->(viaApp)
			CREATE (direct)-[:SERVES {evidenceDocs: ['d'], evidenceQuotes: ['面向金融'], evidenceSections: ['']}]->(f)
			CREATE (app)-[:SERVES {evidenceDocs: ['d'], evidenceQuotes: ['深入金融行业'], evidenceSections: ['2.4']}]->(f)
			CREATE (app)-[:BUILT_ON {evidenceDocs: ['d'], evidenceQuotes: ['基于赤兔'], evidenceSections: ['']}]->(viaApp)
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	IndustryQueries queries;

	@Test
	void direct_models_come_before_those_through_an_application_then_general_ones() {
		assertThat(queries.models("finance", true, 0, 10)).extracting(ServingModel::id, ServingModel::via)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("b-direct", "direct"),
					org.assertj.core.groups.Tuple.tuple("a-via-app", "application"),
					org.assertj.core.groups.Tuple.tuple("c-general", "general"));
	}

	@Test
	void a_model_through_an_application_carries_both_hops_evidence_its_application_and_vendor() {
		ServingModel viaApp = queries.models("finance", false, 1, 1).getFirst();
		assertThat(viaApp.application().id()).isEqualTo("copilot");
		assertThat(viaApp.vendor().id()).isEqualTo("ronglian");
		assertThat(viaApp.evidence()).extracting(e -> e.quote()).containsExactly("深入金融行业", "基于赤兔");
	}

	@Test
	void model_count_counts_what_the_models_question_answers() {
		assertThat(queries.industries()).singleElement()
			.satisfies(i -> assertThat(i.modelCount()).isEqualTo(queries.models("finance", false, 0, 10).size()));
	}

}
