package cn.landscape.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.EntityQueries.Relationship;
import cn.landscape.evidence.Evidence;
import cn.landscape.support.FixtureDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One entity's answer: facts without bookkeeping, evidence per property, mentions, and capped relationships. */
@DataNeo4jTest(properties = "landscape.query.max-rows=2")
@EnableConfigurationProperties(LandscapeProperties.class)
@Import(EntityQueries.class)
class EntityQueriesTest {

	private static final NodeRef SPARK = new NodeRef("spark", "model", "model:spark", "星火", "Spark");

	@RegisterExtension
	static final FixtureDatabase fixture = new FixtureDatabase("""
			CREATE (m:Model:Entity {id: 'spark', name: '星火', nameEn: 'Spark', aliases: ['讯飞星火'], keys: ['spark'],
			        seedHash: 'abc', type: 'general', releaseDate: '2023-05', curated: ['releaseDate'],
			        evidenceProperties: ['type', 'releaseDate'], evidenceDocs: ['report', ''],
			        evidenceQuotes: ['通用大模型', ''], evidenceSections: ['2.2', ''],
			        evidenceCurated: ['', 'the month of the launch event']})
			CREATE (v:Vendor:Entity {id: 'iflytek', name: '科大讯飞'})
			CREATE (c:Chip:Entity {id: 'ascend', name: '昇腾'})
			CREATE (i:Industry:Entity {id: 'education', name: '教育'})
			CREATE (d:Document:Entity {id: 'report', name: '报告'})
			CREATE (v)-[:DEVELOPS {evidenceDocs: ['report'], evidenceQuotes: ['科大讯飞发布星火'], evidenceSections: ['3']}]->(m)
			CREATE (m)-[:RUNS_ON {evidenceDocs: ['report'], evidenceQuotes: ['星火基于昇腾'], evidenceSections: ['3']}]->(c)
			CREATE (m)-[:SERVES {curated: true, role: 'tutor', evidenceDocs: [], evidenceQuotes: [], evidenceSections: []}]->(i)
			CREATE (d)-[:MENTIONS {evidenceDocs: ['report'], evidenceQuotes: ['讯飞星火'], evidenceSections: ['1']}]->(m)
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	EntityQueries queries;

	@Test
	void properties_leave_out_bookkeeping_and_carry_their_evidence_or_curated_reason() {
		var answer = queries.entity(SPARK);
		assertThat(answer.properties()).containsOnlyKeys("type", "releaseDate");
		assertThat(answer.aliases()).containsExactly("讯飞星火");
		assertThat(answer.propertyEvidence().get("type")).extracting(Evidence::quote).containsExactly("通用大模型");
		assertThat(answer.propertyEvidence().get("releaseDate")).extracting(Evidence::curated)
			.containsExactly("the month of the launch event");
		assertThat(answer.curated()).containsExactly("releaseDate");
		assertThat(answer.mentions()).extracting(Evidence::quote).containsExactly("讯飞星火");
	}

	@Test
	void relationships_are_capped_in_type_order_and_the_answer_says_how_many_there_are() {
		var answer = queries.entity(SPARK);
		assertThat(answer.relationships()).extracting(Relationship::type, Relationship::direction)
			.containsExactly(tuple("DEVELOPS", "in"),
					tuple("RUNS_ON", "out"));
		assertThat(answer.relationships().getFirst().evidence()).extracting(Evidence::quote)
			.containsExactly("科大讯飞发布星火");
		assertThat(answer.relationshipCount()).isEqualTo(3);
		assertThat(answer.truncated()).isTrue();
	}

}
