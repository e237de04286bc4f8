package cn.landscape.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.entity.EntityConversions;
import cn.landscape.entity.PartialDate;
import cn.landscape.evidence.Evidence;
import cn.landscape.support.FixtureDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@DataNeo4jTest
@Import(EntityConversions.class)
class ModelRepositoryTest {

	@RegisterExtension
	static final FixtureDatabase fixture = new FixtureDatabase("""
			CREATE (v:Vendor:Entity {id: 'iflytek', name: '科大讯飞', category: 'company'})
			CREATE (m:Model:Entity {id: 'spark', name: '讯飞星火认知大模型', nameEn: 'iFlytek Spark', type: 'general',
			        releaseDate: '2023-05', capabilities: ['文本生成'],
			        evidenceProperties: ['type', 'releaseDate'], evidenceDocs: ['report-2024', ''],
			        evidenceQuotes: ['通用 AI 大模型', ''], evidenceSections: ['2.2', ''],
			        evidenceCurated: ['', 'the month is read from the release event']})
			CREATE (i:Industry:Entity {id: 'finance', name: '金融'})
			CREATE (c:Chip:Entity {id: 'ascend-910', name: '昇腾 910'})
			CREATE (v)-[:DEVELOPS {evidenceDocs: ['report-2024'], evidenceQuotes: ['科大讯飞—讯飞星火认知大模型'], evidenceSections: ['2.2']}]->(m)
			CREATE (m)-[:SERVES {evidenceDocs: ['news'], evidenceQuotes: ['赋能金融'], evidenceSections: ['']}]->(i)
			CREATE (m)-[:TRAINED_ON {evidenceDocs: ['news'], evidenceQuotes: ['基于昇腾训练'], evidenceSections: ['']}]->(c)
			CREATE (:Model:Entity {id: 'broken', name: '坏', type: 'no-such-type', releaseDate: 'May 2023'})
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	ModelRepository models;

	@Test
	void a_model_loads_with_typed_fields_its_links_and_their_evidence() {
		Model spark = models.findById("spark").orElseThrow();
		assertThat(spark.getType()).isEqualTo(ModelType.GENERAL);
		assertThat(spark.getReleaseDate()).isEqualTo(PartialDate.parse("2023-05"));
		assertThat(spark.getCapabilities()).containsExactly("文本生成");
		assertThat(spark.getDevelopers()).singleElement().satisfies(link -> {
			assertThat(link.getVendor().getId()).isEqualTo("iflytek");
			assertThat(link.evidence()).containsExactly(Evidence.of("report-2024", "科大讯飞—讯飞星火认知大模型", "2.2"));
		});
		assertThat(spark.getServes()).singleElement().satisfies(link -> assertThat(link.getIndustry().getId()).isEqualTo("finance"));
		assertThat(spark.getTrainedOn()).singleElement().satisfies(link -> assertThat(link.getChip().getName()).isEqualTo("昇腾 910"));
	}

	@Test
	void property_evidence_reads_documented_and_curated_entries() {
		Model spark = models.findById("spark").orElseThrow();
		assertThat(spark.propertyEvidence().get("type")).containsExactly(Evidence.of("report-2024", "通用 AI 大模型", "2.2"));
		assertThat(spark.propertyEvidence().get("releaseDate"))
			.containsExactly(Evidence.curated("the month is read from the release event"));
	}

	@Test
	void a_stored_value_outside_the_types_reads_as_null_instead_of_failing() {
		Model broken = models.findById("broken").orElseThrow();
		assertThat(broken.getType()).isNull();
		assertThat(broken.getReleaseDate()).isNull();
	}

}
