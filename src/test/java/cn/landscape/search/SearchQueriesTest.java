package cn.landscape.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.entity.Kind;
import cn.landscape.search.SearchQueries.Hit;
import cn.landscape.support.FixtureDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Search on the schema's own full-text and text indexes. */
@DataNeo4jTest
@Import(SearchQueries.class)
class SearchQueriesTest {

	@RegisterExtension
	static final FixtureDatabase fixture = FixtureDatabase.withSchema("""
			CREATE (:Model:Entity {id: 'spark', name: '讯飞星火认知大模型', nameEn: 'iFlytek Spark', aliases: ['星火'],
			        keys: ['spark', '讯飞星火认知大模型', 'iflytekspark', '星火']})
			CREATE (:Application:Entity {id: 'spark-desk', name: '星火助手', keys: ['spark-desk', '星火助手']})
			CREATE (:Chip:Entity {id: 'ascend', name: '昇腾', nameEn: 'Ascend', keys: ['ascend', '昇腾']})
			CREATE (:Vendor:Entity {id: 'huawei', name: '华为', nameEn: 'Huawei', keys: ['huawei', '华为']})
			""");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		fixture.register(registry);
	}

	@Autowired
	SearchQueries queries;

	@Test
	void an_exact_alias_ranks_its_entity_first_among_the_full_text_hits() {
		assertThat(queries.search("星火", null, 10)).extracting(Hit::id).startsWith("spark").contains("spark-desk");
	}

	@Test
	void a_kind_filter_keeps_only_that_kind() {
		assertThat(queries.search("星火", Kind.APPLICATION, 10)).extracting(Hit::id).containsExactly("spark-desk");
	}

	@Test
	void english_names_match_without_regard_to_case() {
		assertThat(queries.search("ascend", null, 10)).extracting(Hit::ref).containsExactly("chip:ascend");
	}

	@Test
	void a_single_character_falls_back_to_the_names_substring() {
		assertThat(queries.search("华", null, 10)).extracting(Hit::id).containsExactly("huawei");
	}

	@Test
	void text_nothing_holds_finds_nothing() {
		assertThat(queries.search("不存在的东西", null, 10)).isEmpty();
	}

}
