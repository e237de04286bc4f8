package cn.landscape.evidence;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DerivedTextTest {

	private final DerivedText derived = new DerivedText(Map.of("blog-summary", "report-2024"),
			Map.of("news-models-2023", Set.of("机器摘要")));

	@Test
	void a_quote_from_a_derived_document_is_derived_from_its_source() {
		assertThat(derived.derivedFrom(Evidence.of("blog-summary", "云端通用大模型代表如科大讯飞星火", null)))
			.isEqualTo("report-2024");
	}

	@Test
	void a_quote_from_a_machine_written_part_is_derived_from_its_own_document_and_the_body_is_not() {
		assertThat(derived.derivedFrom(Evidence.of("news-models-2023", "关键词:大模型", "机器摘要")))
			.isEqualTo("news-models-2023");
		assertThat(derived.derivedFrom(Evidence.of("news-models-2023", "参观者在体验讯飞星火认知大模型", null))).isNull();
		assertThat(derived.derivedFrom(Evidence.of("news-models-2023", "参观者在体验讯飞星火认知大模型", "2"))).isNull();
	}

	@Test
	void primary_text_and_a_curated_fact_without_a_document_are_not_derived() {
		assertThat(derived.derivedFrom(Evidence.of("report-2024", "讯飞星火认知大模型是科大讯飞推出的新一代认知大模型", "2.3")))
			.isNull();
		assertThat(derived.derivedFrom(Evidence.curated("administrative geography"))).isNull();
		assertThat(DerivedText.NONE.derivedFrom(Evidence.of("blog-summary", "百度文心一言", null))).isNull();
	}

	@Test
	void a_curated_reading_of_a_derived_quote_is_both() {
		Evidence evidence = new Evidence("blog-summary", "百度文心一言", null, "the blog names the product only");
		assertThat(evidence.isCurated()).isTrue();
		assertThat(derived.derivedFrom(evidence)).isEqualTo("report-2024");
	}

}
