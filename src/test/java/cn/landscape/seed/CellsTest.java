package cn.landscape.seed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTest {

	@Test
	void numbers_in_exponent_or_decimal_form_read_as_whole_numbers_when_they_are_whole() {
		assertThat(Cells.parse("1.3e11", Cells.Parse.NUMBER).value()).isEqualTo(130000000000L);
		assertThat(Cells.parse("13000000000.00", Cells.Parse.NUMBER).value()).isEqualTo(13000000000L);
		assertThat(Cells.parse("5.112000000000001e+22", Cells.Parse.NUMBER).value()).isEqualTo(5.112000000000001e22);
		assertThat(Cells.parse("0.5", Cells.Parse.NUMBER).value()).isEqualTo(0.5);
		assertThat(Cells.parse("1.3e11?", Cells.Parse.NUMBER).why()).isEqualTo("'1.3e11?' is not a number");
	}

	@Test
	void dates_are_iso_with_a_time_dropped_and_an_impossible_month_refused() {
		assertThat(Cells.parse("2024-06-02", Cells.Parse.DATE).value()).isEqualTo("2024-06-02");
		assertThat(Cells.parse("2024-06-02 17:11", Cells.Parse.DATE).value()).isEqualTo("2024-06-02");
		assertThat(Cells.parse("2025-01", Cells.Parse.DATE).value()).isEqualTo("2025-01");
		assertThat(Cells.parse("2023-13", Cells.Parse.DATE).ok()).isFalse();
		assertThat(Cells.parse("10/21/2024", Cells.Parse.DATE).ok()).isFalse();
	}

	@Test
	void booleans_and_links_read_their_usual_spellings() {
		assertThat(Cells.parse("Y", Cells.Parse.BOOLEAN).value()).isEqualTo(true);
		assertThat(Cells.parse("no", Cells.Parse.BOOLEAN).value()).isEqualTo(false);
		assertThat(Cells.parse("maybe", Cells.Parse.BOOLEAN).ok()).isFalse();
		assertThat(Cells.parse("[文心一言](https://yiyan.baidu.com)", Cells.Parse.LINK_TEXT).value()).isEqualTo("文心一言");
		assertThat(Cells.parse("[文心一言](https://yiyan.baidu.com)", Cells.Parse.LINK_URL).value())
			.isEqualTo("https://yiyan.baidu.com");
		assertThat(Cells.parse("Moonshot", Cells.Parse.LINK_URL).value()).isNull();
		assertThat(Cells.parse("Moonshot", Cells.Parse.LINK_URL).ok()).isTrue();
	}

	@Test
	void a_list_cell_splits_at_its_separators_but_not_inside_quotes_or_a_link() {
		assertThat(Cells.split("Baidu,\"SambaNova Systems, Inc\",Peking University", ","))
			.containsExactly("Baidu", "SambaNova Systems, Inc", "Peking University");
		assertThat(Cells.split("[无涯、求索](https://example.org/a,b)，[CPM](https://x.org)", ",，、"))
			.containsExactly("[无涯、求索](https://example.org/a,b)", "[CPM](https://x.org)");
		assertThat(Cells.split("one cell, kept whole", null)).containsExactly("one cell, kept whole");
	}

}
