package cn.landscape.document;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Entity;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules read from rules/*.yaml, on small texts and a small hand-made graph. */
class ExtractionRulesTest {

	private static final Evidence EV = Evidence.of("d", "q", null);

	private static Entity entity(Kind kind, String id, String name, String nameEn, String... aliases) {
		return new Entity(kind, id, name, nameEn, List.of(aliases), List.of(EV), Map.of(), false);
	}

	private static final List<Entity> ENTITIES = List.of(entity(Kind.VENDOR, "alibaba-cloud", "阿里云", "Alibaba Cloud"),
			entity(Kind.MODEL, "qwen", "通义千问", "Qwen"), entity(Kind.MODEL, "wenxin", "文心大模型", "ERNIE"),
			entity(Kind.VENDOR, "baidu", "百度", "Baidu"), entity(Kind.VENDOR, "nvidia", "英伟达", "NVIDIA"),
			entity(Kind.BODY, "most", "科技部", "Ministry of Science and Technology", "MOST"),
			entity(Kind.REGION, "shanghai", "上海", "Shanghai"), entity(Kind.INDUSTRY, "transport", "交通", "Transport"),
			entity(Kind.REGION, "hangzhou", "杭州", "Hangzhou"), entity(Kind.VENDOR, "tencent", "腾讯", "Tencent"),
			entity(Kind.MODEL, "hunyuan", "腾讯混元大模型", "Tencent Hunyuan", "混元大模型", "混元"));

	private static Extraction extract(String text) {
		return new Extractor(KnownGraph.of(ENTITIES, List.of())).extract("t", PlainText.reduce(text), "2025");
	}

	private static List<String> candidates(Extraction x) {
		return x.candidates().stream().map(c -> c.kind().key() + ":" + c.name()).toList();
	}

	private static List<String> facts(Extraction x) {
		return x.proposals().stream().map(p -> p.from().key() + " " + p.type() + " " + p.to().key()).toList();
	}

	@Test
	void latin_model_and_chip_names_are_found_with_exact_edges() {
		Extraction x = extract("深度求索开源DeepSeek-V3模型。Alibaba Cloud released Qwen3-235B-A22B. 英伟达H20芯片受限，"
				+ "月之暗面推出Kimi K2。");
		assertThat(candidates(x)).contains("model:DeepSeek-V3", "model:Qwen3-235B-A22B", "chip:H20", "model:Kimi K2");
		assertThat(candidates(x)).noneMatch(c -> c.contains("开源D") || c.endsWith("模型"));
	}

	@Test
	void a_chinese_name_with_its_latin_name_in_brackets_is_one_company_under_two_names() {
		Extraction x = extract("总部位于杭州的深度求索（DeepSeek）发布新模型。");
		assertThat(candidates(x)).contains("vendor:深度求索", "vendor:DeepSeek");
		assertThat(facts(x)).contains("vendor:\"深度求索\" LOCATED_IN region:hangzhou");
	}

	@Test
	void english_triggers_propose_who_released_what_and_where_it_is_based() {
		Extraction x = extract("Alibaba Cloud released Qwen3-235B-A22B on Tuesday. The Hangzhou-based Unitree Robotics sells robots.");
		assertThat(facts(x)).contains("vendor:alibaba-cloud DEVELOPS model:\"Qwen3-235B-A22B\"",
				"vendor:\"Unitree Robotics\" LOCATED_IN region:hangzhou");
	}

	@Test
	void a_release_of_a_known_model_is_a_new_model_and_a_version_of_the_known_one() {
		Extraction x = extract("百度发布文心大模型4.5。");
		assertThat(candidates(x)).contains("model:文心大模型4.5");
		assertThat(facts(x)).contains("vendor:baidu DEVELOPS model:\"文心大模型4.5\"",
				"model:\"文心大模型4.5\" VERSION_OF model:wenxin").doesNotContain("vendor:baidu DEVELOPS model:wenxin");
	}

	@Test
	void an_acronym_alias_in_lower_case_is_no_mention_but_in_capitals_it_is() {
		assertThat(extract("It is the most capable model.").mentions()).isEmpty();
		assertThat(extract("MOST issued a plan.").mentions()).extracting(Mention::ref).containsExactly("body:most");
	}

	@Test
	void a_region_or_industry_inside_a_new_organisation_name_is_no_mention() {
		Extraction x = extract("上海交通大学医学院附属瑞金医院发布病理模型。");
		assertThat(x.mentions()).extracting(Mention::ref).doesNotContain("region:shanghai", "industry:transport");
		assertThat(candidates(x)).contains("vendor:上海交通大学医学院附属瑞金医院");
	}

	@Test
	void one_fact_stated_in_several_sentences_is_one_proposal_listing_them_all() {
		Extraction x = extract("腾讯发布混元大模型。腾讯推出混元大模型。腾讯开源混元大模型。");
		assertThat(x.proposals()).filteredOn(p -> p.type() == RelType.DEVELOPS).singleElement()
			.satisfies(p -> {
				assertThat(p.sentences()).containsExactly(0, 1, 2);
				assertThat(p.sentence()).isZero();
			});
	}

	@Test
	void an_effective_date_is_not_taken_for_the_date_a_policy_was_issued() {
		assertThat(ProposalRules.date("该办法于2025年3月印发，自2025年9月1日起施行。", "2025")).isEqualTo("2025-03");
		assertThat(ProposalRules.date("自2025年9月1日起施行。", "2025")).isNull();
		assertThat(ProposalRules.date("2025年9月生效前，各平台须完成改造；7月发布细则。", "2025")).isEqualTo("2025-07");
	}

	@Test
	void a_proposal_read_from_an_older_review_file_lists_its_one_sentence() {
		Proposal.End a = new Proposal.End("vendor:baidu", Kind.VENDOR, "百度");
		Proposal.End b = new Proposal.End("model:wenxin", Kind.MODEL, "文心大模型");
		Proposal p = new Proposal("t-p1", RelType.DEVELOPS, a, b, "q", 3, null, "r", 0.5, false, null, null);
		assertThat(p.sentences()).containsExactly(3);
	}

	@Test
	void a_defined_short_form_is_the_same_policy_under_its_full_name() {
		Extraction x = extract("国家发布《人工智能生成合成内容标识办法》（以下简称《标识办法》）。《标识办法》要求添加标识。");
		assertThat(x.candidates()).extracting(Candidate::name).containsOnly("人工智能生成合成内容标识办法");
	}

}
