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

	private static List<String> facts(Extraction x, RelType type) {
		return x.proposals()
			.stream()
			.filter(p -> p.type() == type)
			.map(p -> p.from().ref() + " " + p.to().ref())
			.distinct()
			.toList();
	}

	@Test
	void tags_left_in_a_plain_text_are_dropped_where_they_stand_so_a_table_row_stays_one_line() {
		String text = "政策标题\t政策内容\n《某措施》\t<p>高效推动：</p> <p>加快推动海淀区建设。</p>\n"
				+ "第二行没有标记。\n第三行也没有。\n<script>alert(1)</script>第四行。";
		assertThat(PlainText.reduce(text))
			.isEqualTo("政策标题\t政策内容\n《某措施》\t高效推动： 加快推动海淀区建设。\n第二行没有标记。\n第三行也没有。\n第四行。");
	}

	@Test
	void a_known_figure_is_mentioned_by_its_value_and_unit_in_a_sentence_sharing_its_name() {
		Entity figure = new Entity(Kind.FIGURE, "market-2020", "中国大模型产业市场规模（2020年）", null, List.of(), List.of(EV),
				Map.of("value", new SeedModel.Fact(15, List.of(EV)), "unit", new SeedModel.Fact("亿元", List.of(EV))), false);
		Extractor extractor = new Extractor(KnownGraph.of(List.of(figure), List.of()));
		Extraction x = extractor.extract("t", "中国大模型产业市场规模从2020年的15亿元增长至2022年的70亿元。某公司收入15亿元。规模达215亿元或15.5亿元。", "2024");
		assertThat(x.mentions()).singleElement().satisfies(m -> {
			assertThat(m.ref()).isEqualTo("figure:market-2020");
			assertThat(m.surface()).isEqualTo("15亿元");
			assertThat(m.sentence()).isZero();
		});
	}

	@Test
	void a_name_opening_a_longer_name_of_another_kind_is_mentioned_and_an_alias_only_before_another_name() {
		List<Entity> entities = List.of(entity(Kind.VENDOR, "alibaba", "阿里巴巴", null, "阿里"),
				entity(Kind.MODEL, "qwen", "通义千问", null, "阿里通义千问"), entity(Kind.MODEL, "gpt-3", "GPT-3", null),
				entity(Kind.DATASET, "gpt3-data", "GPT-3 的训练数据", null), entity(Kind.APPLICATION, "ali-x", "阿里小蜜", null));
		Extraction x = new Extractor(KnownGraph.of(entities, List.of())).extract("t", "阿里通义千问、GPT-3 的训练数据和阿里小蜜。", "2024");
		assertThat(x.mentions()).extracting(Mention::ref)
			.containsExactlyInAnyOrder("vendor:alibaba", "model:qwen", "model:gpt-3", "dataset:gpt3-data", "application:ali-x");
	}

	@Test
	void a_latin_name_may_end_where_a_capital_starts_a_glued_name_but_not_start_inside_a_word() {
		List<Entity> entities = List.of(entity(Kind.MODEL, "qwen-audio", "Qwen-Audio", null),
				entity(Kind.TECHNOLOGY, "gpt", "GPT", null));
		Extraction x = new Extractor(KnownGraph.of(entities, List.of())).extract("t", "开源 Qwen-AudioQwen 与 MathGPT。", "2024");
		assertThat(x.mentions()).extracting(Mention::ref).containsExactly("model:qwen-audio");
	}

	@Test
	void a_line_break_before_a_word_that_cannot_open_a_sentence_does_not_split_it() {
		assertThat(Sentences.split("可以应用于生活服务、客服\n\n等领域；下一句。\n与此相比。")).extracting(Sentence::text)
			.containsExactly("可以应用于生活服务、客服\n\n等领域；", "下一句。", "与此相比。");
	}

	private static final List<Entity> SERVING = List.of(entity(Kind.MODEL, "wenxiu", "文修大模型", null),
			entity(Kind.MODEL, "chitu", "赤兔大模型", null), entity(Kind.MODEL, "yongpt", "YonGPT", null),
			entity(Kind.APPLICATION, "copilot", "容犀 Copilot", null), entity(Kind.APPLICATION, "a1", "分期挽留助手", null),
			entity(Kind.APPLICATION, "a2", "投诉安抚助手", null), entity(Kind.APPLICATION, "ads", "腾讯广告", null),
			entity(Kind.INDUSTRY, "finance", "金融", null, "金融行业"), entity(Kind.INDUSTRY, "government", "政务", null),
			entity(Kind.INDUSTRY, "media", "传媒", null, "新闻媒体"), entity(Kind.INDUSTRY, "cs", "客服", null),
			entity(Kind.INDUSTRY, "advertising", "广告", null), entity(Kind.INDUSTRY, "commerce", "商业", null));

	private static Extraction serving(String text) {
		return new Extractor(KnownGraph.of(SERVING, List.of())).extract("t", text, "2024");
	}

	@Test
	void an_industry_with_a_cue_is_served_by_the_product_its_clause_or_sentence_is_about() {
		assertThat(facts(serving("文修大模型是一款校对模型，为政务单位、新闻媒体等专业用户提供校对服务。"), RelType.SERVES))
			.containsExactlyInAnyOrder("model:wenxiu industry:government", "model:wenxiu industry:media");
		assertThat(facts(serving("在商业领域，赤兔大模型可以撰写商业计划。"), RelType.SERVES))
			.containsExactly("model:chitu industry:commerce");
		assertThat(facts(serving("赤兔大模型提到了金融。"), RelType.SERVES)).isEmpty();
	}

	@Test
	void a_list_of_products_with_a_list_of_industries_is_collective_and_proposes_nothing() {
		assertThat(facts(serving("行业大模型如文修大模型、赤兔大模型、YonGPT等，针对金融、政务、传媒等特定行业深度优化。"), RelType.SERVES))
			.isEmpty();
	}

	@Test
	void examples_after_a_product_serve_its_industries_and_a_name_holding_an_industry_serves_it() {
		assertThat(facts(serving("容犀 Copilot 深入金融行业细分场景，打造场景化客服助手，譬如分期挽留助手、投诉安抚助手等。"), RelType.SERVES))
			.containsExactlyInAnyOrder("application:copilot industry:finance", "application:copilot industry:cs",
					"application:a1 industry:finance", "application:a1 industry:cs", "application:a2 industry:finance",
					"application:a2 industry:cs");
		assertThat(facts(serving("腾讯广告的性能得到提升。"), RelType.SERVES)).containsExactly("application:ads industry:advertising");
	}

	@Test
	void a_sentence_naming_no_product_is_about_the_product_a_sentence_just_before_named() {
		String text = "文修大模型主要应用在以下领域：\n政务单位领域，赋能各级政务部门校对流程智能化。\n一。二。三。四。五。\n新闻媒体领域，提供校对。";
		assertThat(facts(serving(text), RelType.SERVES)).containsExactly("model:wenxiu industry:government");
	}

	private static final List<Entity> POLICIES = List.of(entity(Kind.REGION, "china", "中国", null, "我国"),
			entity(Kind.REGION, "beijing", "北京", null, "北京市"), entity(Kind.REGION, "haidian", "海淀区", null),
			entity(Kind.POLICY, "plan", "新一代人工智能发展规划", null), entity(Kind.POLICY, "guide", "关于加快场景创新的指导意见", null),
			entity(Kind.POLICY, "bj", "北京市促进通用人工智能创新发展的若干措施", null), entity(Kind.POLICY, "eu", "欧盟人工智能法案", null));

	@Test
	void a_policy_covers_the_region_its_paragraph_names_and_a_region_acting_by_policy_covers_its_policies_in_the_section() {
		String text = """
				1.1 政策
				近年来，我国发布多项支持政策，国务院于 2017 年发布《新一代人工智能发展规划》。科技部等六部门于 2022 年印发《关于加快场景创新的指导意见》。
				北京着力推动大模型技术创新。
				2023 年 5 月\t北京市人民政府\t《北京市促进通用人工智能创新发展的若干措施》\t加快推动海淀区建设算力中心。
				1.2 技术
				北京着力推动技术创新。
				该报告参考了《欧盟人工智能法案》。
				""";
		Extraction x = new Extractor(KnownGraph.of(POLICIES, List.of())).extract("t", text, "2024");
		assertThat(facts(x, RelType.COVERS)).containsExactlyInAnyOrder("policy:plan region:china", "policy:guide region:china",
				"policy:bj region:beijing", "policy:bj region:haidian");
		assertThat(x.proposals()).filteredOn(p -> p.rule().equals("covers-section-policy-of-region"))
			.extracting(Proposal::quote).containsExactly("北京着力推动大模型技术创新。");
	}

}
