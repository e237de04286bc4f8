package cn.landscape.document;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.seed.SeedModel;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Relation;

import static org.assertj.core.api.Assertions.assertThat;

/** The extraction pipeline on small texts and a small hand-made graph: no Spring, no database. */
class ExtractionTest {

	private static final Evidence EV = Evidence.of("d", "q", null);

	private static Entity entity(Kind kind, String id, String name, String nameEn, String... aliases) {
		return new Entity(kind, id, name, nameEn, List.of(aliases), List.of(EV), Map.of(), false);
	}

	private static final List<Entity> ENTITIES = List.of(entity(Kind.VENDOR, "iflytek", "科大讯飞", "iFlytek", "讯飞"),
			entity(Kind.MODEL, "spark", "讯飞星火认知大模型", "iFlytek Spark", "星火", "讯飞星火", "科大讯飞星火"),
			entity(Kind.VENDOR, "nvidia", "英伟达", "NVIDIA"), entity(Kind.CHIP, "a100", "英伟达 A100", null, "A100"),
			entity(Kind.CHIP, "h100", "H100", null), entity(Kind.INDUSTRY, "finance", "金融", "Finance"),
			entity(Kind.INDUSTRY, "education", "教育", null), entity(Kind.VENDOR, "huawei", "华为", "Huawei"),
			entity(Kind.MODEL, "pangu", "盘古大模型", "Pangu", "盘古"), entity(Kind.BODY, "miit", "工信部", "MIIT", "工业和信息化部"),
			entity(Kind.REGION, "beijing", "北京", "Beijing", "北京市"),
			entity(Kind.POLICY, "bj-plan", "北京市促进通用人工智能创新发展的若干措施", null),
			entity(Kind.APPLICATION, "zhiwen", "讯飞智文", null),
			entity(Kind.FACILITY, "pangu-platform", "盘古平台", null, "Pangu Platform"),
			entity(Kind.TECHNOLOGY, "spark-tech", "Spark", null));

	private static Extraction extract(String text, List<Relation> relations) {
		return new Extractor(KnownGraph.of(ENTITIES, relations)).extract("t", PlainText.reduce(text), "2024");
	}

	private static Extraction extract(String text) {
		return extract(text, List.of());
	}

	@Test
	void sentences_split_on_chinese_and_english_ends_and_keep_quotes_and_titles_whole() {
		List<Sentence> s = Sentences.split("他说：“今天发布。明天上线！”然后离开。《关于A。B的通知》已印发；It works. Version 3.5 is out!\n第二段");
		assertThat(s).extracting(Sentence::text)
			.containsExactly("他说：“今天发布。明天上线！”然后离开。", "《关于A。B的通知》已印发；", "It works.", "Version 3.5 is out!", "第二段");
		assertThat(s.get(4).paragraph()).isEqualTo(1);
	}

	@Test
	void a_title_broken_by_one_line_end_stays_one_sentence_but_a_blank_line_splits() {
		assertThat(Sentences.split("《成都市加快大模\n型创新应用的若干措施》")).hasSize(1);
		assertThat(Sentences.split("第一段\n\n第二段")).hasSize(2);
	}

	@Test
	void html_and_markdown_are_reduced_to_plain_text_and_scripts_are_dropped() {
		assertThat(PlainText.reduce("<html><body><h1>标题</h1><p>百度发布<b>文心一言</b>。</p><script>alert(1)</script></body></html>"))
			.isEqualTo("标题\n百度发布文心一言。");
		assertThat(PlainText.reduce("# 标题\n\n- **百度**发布了[文心一言](https://x.cn)。\n"))
			.isEqualTo("标题\n\n百度发布了文心一言。");
		assertThat(PlainText.reduce("纯文本，不变。")).isEqualTo("纯文本，不变。");
	}

	@Test
	void the_longest_name_wins_so_the_full_model_name_is_one_mention() {
		Extraction x = extract("讯飞星火认知大模型发布。");
		assertThat(x.mentions()).extracting(Mention::ref).containsExactly("model:spark");
		assertThat(x.mentions().get(0).surface()).isEqualTo("讯飞星火认知大模型");
	}

	@Test
	void a_vendor_opening_a_product_name_is_mentioned_too() {
		Extraction x = extract("代表如科大讯飞星火等。");
		assertThat(x.mentions()).extracting(Mention::ref).containsExactlyInAnyOrder("model:spark", "vendor:iflytek");
	}

	@Test
	void latin_names_match_on_word_boundaries_ignoring_case_and_spaces_and_the_maker_opening_a_chip_name_counts() {
		Extraction x = extract("NVIDIA 与 nvidia 的 A100 和 A1000，以及 英伟达A100。");
		assertThat(x.mentions()).extracting(Mention::ref)
			.containsExactlyInAnyOrder("vendor:nvidia", "vendor:nvidia", "chip:a100", "chip:a100", "vendor:nvidia");
		assertThat(x.mentions()).extracting(Mention::surface).doesNotContain("A1000");
	}

	@Test
	void an_alias_shared_by_two_entities_is_decided_by_the_graph_or_reported_ambiguous() {
		List<Entity> shared = List.of(entity(Kind.MODEL, "pangu", "盘古大模型", null, "盘古"),
				entity(Kind.FACILITY, "pangu-cloud", "盘古云", null, "盘古"), entity(Kind.VENDOR, "huawei", "华为", null),
				entity(Kind.VENDOR, "other", "某公司", null));
		Relation develops = new Relation(RelType.DEVELOPS, Kind.VENDOR, "huawei", Kind.MODEL, "pangu", List.of(EV), Map.of(),
				false);
		Extraction decided = new Extractor(KnownGraph.of(shared, List.of(develops))).extract("t", "华为的盘古正在升级。", "2024");
		assertThat(decided.mentions()).extracting(Mention::ref).containsExactly("vendor:huawei", "model:pangu");

		Extraction unknown = new Extractor(KnownGraph.of(shared, List.of(develops))).extract("t", "某公司的盘古正在升级。", "2024");
		Mention ambiguous = unknown.mentions().get(1);
		assertThat(ambiguous.ambiguous()).isTrue();
		assertThat(ambiguous.candidates()).containsExactlyInAnyOrder("model:pangu", "facility:pangu-cloud");
	}

	@Test
	void candidates_are_found_by_quote_title_model_company_and_chip_rules() {
		Extraction x = extract("""
				某智能科技有限公司推出“天工”大模型。
				工信部印发《关于推动未来产业创新发展的实施意见》。
				深言科技发布了ChatDemo大模型。
				该芯片对标英伟达，昇腾920 与 MLU370 芯片在算力上接近。
				""");
		assertThat(x.candidates()).extracting(c -> c.rule() + ":" + c.kind() + ":" + c.name())
			.contains("quoted-name:MODEL:天工", "company-name:VENDOR:某智能科技有限公司",
					"policy-title:POLICY:关于推动未来产业创新发展的实施意见", "model-name:MODEL:ChatDemo大模型",
					"company-name:VENDOR:深言科技", "chip-name:CHIP:昇腾920", "chip-name:CHIP:MLU370");
	}

	@Test
	void describing_words_before_model_are_not_candidates() {
		Extraction x = extract("通用大模型、行业大模型和多模态大模型都在发展，国产开源模型也在增加。");
		assertThat(x.candidates()).isEmpty();
	}

	@Test
	void facts_are_proposed_with_their_rule_quote_confidence_and_date() {
		Extraction x = extract("2024年7月，科大讯飞推出讯飞智文。7月，讯飞星火认知大模型面向金融、教育行业。英伟达的 A100、H100 供不应求。");
		assertThat(x.proposals()).extracting(p -> p.from().ref() + " " + p.type() + " " + p.to().ref())
			.contains("vendor:iflytek DEVELOPS application:zhiwen", "model:spark SERVES industry:finance",
					"model:spark SERVES industry:education", "chip:a100 MADE_BY vendor:nvidia", "chip:h100 MADE_BY vendor:nvidia");
		Proposal develops = x.proposals().stream().filter(p -> p.type() == RelType.DEVELOPS).findFirst().orElseThrow();
		assertThat(develops.date()).isEqualTo("2024-07");
		assertThat(develops.quote()).isEqualTo("2024年7月，科大讯飞推出讯飞智文。");
		assertThat(develops.id()).isEqualTo("t-p1");
		assertThat(develops.rule()).isNotBlank();
		assertThat(develops.confidence()).isBetween(0.0, 1.0);
		assertThat(x.proposals().stream().filter(p -> p.type() == RelType.SERVES).findFirst().orElseThrow().date()).isNull();
		assertThat(ProposalRules.date("7月，发布。", "2024")).isEqualTo("2024-07");
	}

	@Test
	void issuers_before_a_title_and_the_region_in_it_are_proposed() {
		Extraction x = extract("2023 年 5 月\t工信部\t《北京市促进通用人工智能创新发展的若干措施》\t支持算力。");
		assertThat(x.proposals()).extracting(p -> p.from().ref() + " " + p.type() + " " + p.to().ref())
			.contains("policy:bj-plan ISSUED_BY body:miit", "policy:bj-plan COVERS region:beijing");
		assertThat(x.proposals().stream().filter(p -> p.type() == RelType.ISSUED_BY).findFirst().orElseThrow().date())
			.isEqualTo("2023-05");
	}

	@Test
	void a_fact_the_graph_has_is_proposed_as_evidence_not_again() {
		Relation develops = new Relation(RelType.DEVELOPS, Kind.VENDOR, "iflytek", Kind.APPLICATION, "zhiwen", List.of(EV),
				Map.of(), false);
		Extraction x = extract("科大讯飞推出讯飞智文。", List.of(develops));
		assertThat(x.proposals()).singleElement().satisfies(p -> assertThat(p.existing()).isTrue());
	}

	@Test
	void names_inside_a_parenthesised_aside_are_not_joined_to_the_sentence() {
		Extraction x = extract("盘古大模型在 C-Eval（华为发布的测试集）上得分最高。");
		assertThat(x.proposals()).noneMatch(p -> p.type() == RelType.DEVELOPS);
	}

	@Test
	void respectively_pairs_the_lists_in_order() {
		Extraction x = extract("科大讯飞和华为分别发布了讯飞星火认知大模型与盘古大模型。");
		assertThat(x.proposals()).extracting(p -> p.from().ref() + " " + p.type() + " " + p.to().ref())
			.containsExactlyInAnyOrder("vendor:iflytek DEVELOPS model:spark", "vendor:huawei DEVELOPS model:pangu");
	}

	@Test
	void a_long_sentence_is_quoted_by_the_clauses_around_the_fact() {
		String filler = "这是一段很长的铺垫文字，".repeat(12);
		Extraction x = extract(filler + "科大讯飞推出讯飞智文，" + filler + "。");
		Proposal p = x.proposals().get(0);
		assertThat(p.quote()).isEqualTo("科大讯飞推出讯飞智文").hasSizeLessThan(Quotes.LONG);
	}

}
