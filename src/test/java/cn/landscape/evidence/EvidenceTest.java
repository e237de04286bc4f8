package cn.landscape.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceTest {

	@Test
	void the_lists_of_a_mapped_node_read_back_by_property_as_they_were_written() {
		Map<String, List<Evidence>> written = Map.of(
				"releaseDate", List.of(new Evidence("news-models-2023", "6月初发布了", null, "the year is inferred")),
				"type", List.of(Evidence.of("report-2024", "通用 AI 大模型", "2.2"), Evidence.curated("no sentence")));
		Map<String, Object> stored = Evidence.writeByProperty(written);
		assertThat(Evidence.readByProperty("model:x", list(stored, Evidence.DOCS), list(stored, Evidence.QUOTES),
				list(stored, Evidence.SECTIONS), list(stored, Evidence.CURATED), list(stored, Evidence.PROPERTIES)))
			.isEqualTo(written)
			.isEqualTo(Evidence.readByProperty(stored));
	}

	@Test
	void a_link_reads_every_entry_under_no_property_and_skips_a_damaged_one() {
		List<String> docs = List.of("report-2024", "news-release", "");
		List<String> quotes = List.of("科大讯飞—讯飞星火认知大模型", "科大讯飞的讯飞星火认知大模型");
		List<String> sections = Arrays.asList("2.2", "");
		Map<String, List<Evidence>> read = Evidence.readByProperty("DEVELOPS", docs, quotes, sections, null, null);
		assertThat(read).containsOnlyKeys("");
		assertThat(read.get("")).containsExactly(Evidence.of("report-2024", "科大讯飞—讯飞星火认知大模型", "2.2"),
				Evidence.of("news-release", "科大讯飞的讯飞星火认知大模型", null));
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Map<String, Object> stored, String key) {
		return (List<String>) stored.get(key);
	}

}
