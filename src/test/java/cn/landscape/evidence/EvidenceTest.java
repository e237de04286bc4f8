package cn.landscape.evidence;

import java.util.Arrays;
import java.util.LinkedHashMap;
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
		assertThat(Evidence.readByProperty("model:x", stored(stored, true)))
			.isEqualTo(written)
			.isEqualTo(Evidence.readByProperty(stored));
	}

	@Test
	void a_dataset_row_reads_back_with_its_cells_verbatim_and_its_competing_claim_beside_a_quote() {
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("System", "PanGu-α");
		cells.put("Publication date", "2021-04-25");
		Map<String, List<Evidence>> written = Map.of("releaseDate",
				List.of(Evidence.of("report-2024", "2021 年 4 月发布", null),
						Evidence.ofRow("epoch-models", "PanGu-α", cells).claiming("2021-04-25")));
		Map<String, Object> stored = Evidence.writeByProperty(written);
		assertThat(stored).containsKeys(Evidence.ROWS, Evidence.CLAIMS);
		assertThat(list(stored, Evidence.QUOTES).get(1)).contains("\"Publication date\":\"2021-04-25\"");
		Map<String, List<Evidence>> read = Evidence.readByProperty(stored);
		assertThat(read).isEqualTo(written).isEqualTo(Evidence.readByProperty("model:x", stored(stored, true)));
		assertThat(read.get("releaseDate").get(1).cells()).containsExactly(Map.entry("System", "PanGu-α"),
				Map.entry("Publication date", "2021-04-25"));
	}

	@Test
	void a_link_reads_every_entry_under_no_property_and_skips_a_damaged_one() {
		List<String> docs = List.of("report-2024", "news-release", "", "epoch-models");
		List<String> quotes = List.of("科大讯飞—讯飞星火认知大模型", "科大讯飞的讯飞星火认知大模型", "", "not json");
		List<String> sections = Arrays.asList("2.2", "", "", "");
		List<String> rows = List.of("", "", "", "PanGu-α");
		Map<String, List<Evidence>> read = Evidence.readByProperty("DEVELOPS",
				new Evidence.Stored(docs, quotes, sections, null, rows, null, null));
		assertThat(read).containsOnlyKeys("");
		assertThat(read.get("")).containsExactly(Evidence.of("report-2024", "科大讯飞—讯飞星火认知大模型", "2.2"),
				Evidence.of("news-release", "科大讯飞的讯飞星火认知大模型", null));
	}

	private static Evidence.Stored stored(Map<String, Object> stored, boolean byProperty) {
		return new Evidence.Stored(list(stored, Evidence.DOCS), list(stored, Evidence.QUOTES),
				list(stored, Evidence.SECTIONS), list(stored, Evidence.CURATED), list(stored, Evidence.ROWS),
				list(stored, Evidence.CLAIMS), byProperty ? list(stored, Evidence.PROPERTIES) : null);
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Map<String, Object> stored, String key) {
		return (List<String>) stored.get(key);
	}

}
