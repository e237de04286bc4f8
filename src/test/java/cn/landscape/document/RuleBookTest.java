package cn.landscape.document;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule files: the shipped ones load, and a bad entry fails naming its file and itself. */
class RuleBookTest {

	private static Map<String, Object> rules(Map<String, Object> entry) {
		return Map.of("rules", List.of(entry));
	}

	@Test
	void the_shipped_rule_files_load_with_entries_in_every_family() {
		RuleBook book = RuleBook.load();
		assertThat(book.shapes()).isNotEmpty();
		assertThat(book.gazetteers()).isNotEmpty();
		assertThat(book.contexts()).isNotEmpty();
		assertThat(book.triggers()).isNotEmpty();
		assertThat(book.stop("acronyms-match-case").pattern().matcher("MOST").matches()).isTrue();
	}

	@Test
	void a_shape_that_requires_words_is_tried_only_on_sentences_holding_one() {
		RuleBook.Shape hospitals = RuleBook.load().shapes().stream().filter(s -> s.name().equals("institution-suffix"))
			.findFirst().orElseThrow();
		assertThat(hospitals.triedOn("北京协和医院部署了模型。")).isTrue();
		assertThat(hospitals.triedOn("百度发布文心大模型4.5。")).isFalse();
	}

	@Test
	void a_trigger_whose_slot_kind_the_relation_does_not_allow_fails_naming_file_and_entry() {
		RuleBook book = RuleBook.load();
		assertThatThrownBy(() -> book.read("rules/triggers.yaml", "triggers", rules(Map.of("name", "chip-develops",
				"confidence", 0.5, "type", "DEVELOPS", "pattern", "{from:chip}发布{to:model}"))))
			.hasMessage("rules/triggers.yaml: entry chip-develops: chip cannot be the from end of DEVELOPS");
	}

	@Test
	void an_entry_without_confidence_or_with_a_broken_pattern_or_unknown_kind_fails_naming_it() {
		RuleBook book = RuleBook.load();
		assertThatThrownBy(() -> book.read("rules/names.yaml", "names", rules(Map.of("name", "x", "pattern", "a"))))
			.hasMessage("rules/names.yaml: entry x: confidence must be a number in (0, 1]");
		assertThatThrownBy(() -> book.read("rules/names.yaml", "names",
				rules(Map.of("name", "y", "confidence", 0.5, "pattern", "(unclosed"))))
			.hasMessageStartingWith("rules/names.yaml: entry y: pattern does not compile");
		assertThatThrownBy(() -> book.read("rules/gazetteer.yaml", "gazetteer",
				rules(Map.of("name", "z", "confidence", 0.5, "kind", "planet", "names", List.of("火星")))))
			.hasMessage("rules/gazetteer.yaml: entry z: unknown kind planet");
		assertThatThrownBy(() -> book.read("rules/triggers.yaml", "triggers",
				rules(Map.of("name", "t", "confidence", 0.5, "type", "LIKES", "pattern", "{from:vendor}{to:model}"))))
			.hasMessage("rules/triggers.yaml: entry t: unknown relation type LIKES");
	}

	@Test
	void an_entry_without_a_name_or_a_repeated_name_fails() {
		RuleBook book = RuleBook.load();
		assertThatThrownBy(() -> book.read("rules/contexts.yaml", "contexts", rules(Map.of("confidence", 0.5))))
			.hasMessage("rules/contexts.yaml: entry 1 has no name");
		Map<String, Object> e = Map.of("name", "twice", "confidence", 0.5, "kind", "chip", "pattern", "^芯片");
		assertThatThrownBy(() -> book.read("rules/contexts.yaml", "contexts", Map.of("rules", List.of(e, e))))
			.hasMessage("rules/contexts.yaml: entry twice: name repeated");
		assertThatThrownBy(() -> book.read("rules/stoplists.yaml", "stoplists", Map.of("other", 1)))
			.hasMessage("rules/stoplists.yaml: expected a map with a list 'rules'");
	}

}
