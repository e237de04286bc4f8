package cn.landscape.overview;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.Kind;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.Refs;
import cn.landscape.evidence.Evidence;
import cn.landscape.overview.OverviewQueries.Card;
import cn.landscape.overview.OverviewQueries.Event;
import cn.landscape.overview.OverviewQueries.Filters;
import cn.landscape.overview.OverviewQueries.Group;
import cn.landscape.overview.OverviewQueries.GroupPage;
import cn.landscape.overview.OverviewQueries.RegionGlance;
import cn.landscape.overview.OverviewQueries.RegionPage;
import cn.landscape.overview.OverviewQueries.Section;
import cn.landscape.overview.OverviewQueries.SectionAnswer;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OverviewController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class OverviewControllerTest {

	private static final NodeRef FINANCE = new NodeRef("finance", "industry", "industry:finance", "金融", "Finance");

	private static final NodeRef GUANGDONG = new NodeRef("guangdong", "region", "region:guangdong", "广东", "Guangdong");

	private static final NodeRef SPARK = new NodeRef("spark", "model", "model:spark", "讯飞星火认知大模型", "iFlytek Spark");

	private static final NodeRef IFLYTEK = new NodeRef("iflytek", "vendor", "vendor:iflytek", "科大讯飞", "iFlytek");

	private static final Card SPARK_CARD = new Card(SPARK, IFLYTEK, Map.of("type", "general"), Map.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OverviewQueries queries;

	@MockitoBean
	Refs refs;

	@Test
	void the_overview_resolves_its_filters_and_answers_one_section_with_its_groups() throws Exception {
		given(refs.resolve("industry", "金融", Kind.INDUSTRY)).willReturn(FINANCE);
		given(refs.resolve("region", "广东", Kind.REGION)).willReturn(GUANGDONG);
		given(queries.documentExists("report-2024")).willReturn(true);
		Filters filters = new Filters("finance", "guangdong", "report-2024");
		given(queries.groups(Section.MODELS, filters, 1, 0, 20)).willReturn(new SectionAnswer("models", 3,
				List.of(new Group("general/cloud", null, 2, List.of(SPARK_CARD), true)), 1));
		mvc.perform(get("/api/overview").param("industry", "金融").param("region", "广东")
			.param("document", " report-2024 ").param("section", "models").param("cap", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filters.industry.ref").value("industry:finance"))
			.andExpect(jsonPath("$.filters.region.ref").value("region:guangdong"))
			.andExpect(jsonPath("$.filters.document").value("report-2024"))
			.andExpect(jsonPath("$.sections.length()").value(1))
			.andExpect(jsonPath("$.sections.models.groupCount").value(3))
			.andExpect(jsonPath("$.sections.models.nextGroupOffset").value(1))
			.andExpect(jsonPath("$.sections.models.groups[0].key").value("general/cloud"))
			.andExpect(jsonPath("$.sections.models.groups[0].count").value(2))
			.andExpect(jsonPath("$.sections.models.groups[0].more").value(true))
			.andExpect(jsonPath("$.sections.models.groups[0].items[0].node.ref").value("model:spark"))
			.andExpect(jsonPath("$.sections.models.groups[0].items[0].by.ref").value("vendor:iflytek"))
			.andExpect(jsonPath("$.sections.models.groups[0].items[0].facts.type").value("general"));
	}

	@Test
	void without_a_section_the_overview_answers_all_four_in_order() throws Exception {
		for (Section s : Section.values()) {
			given(queries.groups(s, new Filters(null, null, null), 12, 0, 20))
				.willReturn(new SectionAnswer(s.key, 0, List.of(), null));
		}
		mvc.perform(get("/api/overview"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections.models.groups").isEmpty())
			.andExpect(jsonPath("$.sections.vendors.section").value("vendors"))
			.andExpect(jsonPath("$.sections.chips-by-maker.section").value("chips-by-maker"))
			.andExpect(jsonPath("$.sections.chips-by-country.section").value("chips-by-country"));
	}

	@Test
	void an_unknown_section_is_a_problem_listing_the_sections() throws Exception {
		mvc.perform(get("/api/overview").param("section", "chips"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/bad-parameter"))
			.andExpect(jsonPath("$.title").value("Bad parameter"))
			.andExpect(jsonPath("$.parameter").value("section"))
			.andExpect(jsonPath("$.detail").value(
					"Parameter 'section': must be one of models, vendors, chips-by-maker, chips-by-country, was 'chips'"));
	}

	@Test
	void a_document_that_does_not_exist_is_a_404_problem_naming_the_documents() throws Exception {
		given(queries.documentIds()).willReturn(List.of("report-2024", "white-paper"));
		mvc.perform(get("/api/overview").param("document", "report-2025"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("No document matches 'report-2025'. Closest names: report-2024, white-paper."))
			.andExpect(jsonPath("$.suggestions[1]").value("white-paper"));
		verify(queries, never()).groups(any(), any(), anyInt(), anyInt(), anyInt());
	}

	@Test
	void a_cap_or_group_count_out_of_range_is_a_problem_naming_the_parameter_and_its_range() throws Exception {
		mvc.perform(get("/api/overview").param("cap", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("cap"))
			.andExpect(jsonPath("$.detail").value("Parameter 'cap': must be between 1 and 500, was 0"));
		mvc.perform(get("/api/overview").param("groups", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("groups"))
			.andExpect(jsonPath("$.detail").value("Parameter 'groups': must be less than or equal to 100, was 101"));
		mvc.perform(get("/api/overview").param("groupOffset", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("groupOffset"))
			.andExpect(jsonPath("$.detail").value("Parameter 'groupOffset': must be greater than or equal to 0, was -1"));
	}

	@Test
	void a_group_page_answers_the_cards_after_the_offset_with_the_next_offset() throws Exception {
		given(queries.page(Section.MODELS, new Filters(null, null, null), "general/cloud", 12, 2))
			.willReturn(new GroupPage("models", "general/cloud", 20, List.of(SPARK_CARD, SPARK_CARD), 14));
		mvc.perform(get("/api/overview/group").param("section", "models").param("group", " general/cloud ")
			.param("offset", "12").param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.section").value("models"))
			.andExpect(jsonPath("$.group").value("general/cloud"))
			.andExpect(jsonPath("$.count").value(20))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.nextOffset").value(14));
	}

	@Test
	void a_group_page_needs_a_section_and_a_group_key() throws Exception {
		mvc.perform(get("/api/overview/group").param("group", "general/cloud"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("section"));
		mvc.perform(get("/api/overview/group").param("section", "models"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("group"))
			.andExpect(jsonPath("$.detail").value("Parameter 'group': is required: a group key from GET /api/overview"));
	}

	@Test
	void the_timeline_asks_for_one_event_more_than_the_limit_to_say_it_is_truncated() throws Exception {
		Event event = new Event(SPARK, "2023-05", "2023-05", "month", "releaseDate", List.of(GUANGDONG), IFLYTEK,
				List.of(Evidence.of("report-2024", "2023年5月发布", null)));
		given(refs.resolve("region", "广东", Kind.REGION)).willReturn(GUANGDONG);
		given(queries.timeline("guangdong", "model", 3)).willReturn(List.of(event, event, event));
		mvc.perform(get("/api/overview/timeline").param("region", "广东").param("kind", "model").param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events.length()").value(2))
			.andExpect(jsonPath("$.truncated").value(true))
			.andExpect(jsonPath("$.events[0].node.ref").value("model:spark"))
			.andExpect(jsonPath("$.events[0].month").value("2023-05"))
			.andExpect(jsonPath("$.events[0].precision").value("month"))
			.andExpect(jsonPath("$.events[0].property").value("releaseDate"))
			.andExpect(jsonPath("$.events[0].regions[0].ref").value("region:guangdong"))
			.andExpect(jsonPath("$.events[0].by.ref").value("vendor:iflytek"))
			.andExpect(jsonPath("$.events[0].evidence[0].quote").value("2023年5月发布"));
	}

	@Test
	void without_a_limit_the_timeline_runs_to_the_row_cap() throws Exception {
		given(queries.maxRows()).willReturn(500);
		given(queries.timeline(null, null, 501)).willReturn(List.of());
		mvc.perform(get("/api/overview/timeline"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events").isEmpty())
			.andExpect(jsonPath("$.truncated").value(false));
	}

	@Test
	void a_timeline_kind_other_than_policy_or_model_is_a_problem() throws Exception {
		mvc.perform(get("/api/overview/timeline").param("kind", "chip"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("kind"))
			.andExpect(jsonPath("$.detail").value("Parameter 'kind': must be policy or model, was 'chip'"));
	}

	@Test
	void regions_at_a_glance_answer_each_regions_lists_and_counts_and_the_next_offset() throws Exception {
		given(refs.resolve("region", "广东", Kind.REGION)).willReturn(GUANGDONG);
		given(queries.regions("guangdong", 1, 0, 50)).willReturn(new RegionPage(2, List.of(new RegionGlance(GUANGDONG,
				"province", List.of(), 3, List.of(new OverviewQueries.Dated(SPARK, "2023-11")), 1, List.of(IFLYTEK), 1,
				List.of(SPARK))), 1));
		mvc.perform(get("/api/overview/regions").param("region", "广东").param("cap", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.nextOffset").value(1))
			.andExpect(jsonPath("$.regions[0].region.ref").value("region:guangdong"))
			.andExpect(jsonPath("$.regions[0].level").value("province"))
			.andExpect(jsonPath("$.regions[0].policyCount").value(3))
			.andExpect(jsonPath("$.regions[0].policies[0].date").value("2023-11"))
			.andExpect(jsonPath("$.regions[0].vendorCount").value(1))
			.andExpect(jsonPath("$.regions[0].vendors[0].ref").value("vendor:iflytek"))
			.andExpect(jsonPath("$.regions[0].modelCount").value(1))
			.andExpect(jsonPath("$.regions[0].models[0].ref").value("model:spark"));
	}

	@Test
	void a_regions_cap_over_100_is_a_problem_naming_the_parameter() throws Exception {
		mvc.perform(get("/api/overview/regions").param("cap", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("cap"))
			.andExpect(jsonPath("$.detail").value("Parameter 'cap': must be less than or equal to 100, was 101"));
	}

}
