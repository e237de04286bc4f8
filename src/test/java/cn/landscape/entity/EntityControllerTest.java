package cn.landscape.entity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.EntityQueries.EntityAnswer;
import cn.landscape.entity.EntityQueries.Relationship;
import cn.landscape.evidence.Evidence;
import cn.landscape.web.NotFoundException;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(EntityController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class EntityControllerTest {

	private static final NodeRef IFLYTEK = new NodeRef("iflytek", "vendor", "vendor:iflytek", "科大讯飞", "iFlytek");

	private static final NodeRef SPARK = new NodeRef("spark", "model", "model:spark", "讯飞星火认知大模型", "iFlytek Spark");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EntityQueries queries;

	@MockitoBean
	Refs refs;

	@Test
	void an_entity_of_any_kind_answers_its_properties_evidence_and_relationships() throws Exception {
		given(refs.resolve("ref", "科大讯飞", null)).willReturn(IFLYTEK);
		Evidence quote = Evidence.of("report-2024", "科大讯飞发布讯飞星火认知大模型", "2.1");
		given(queries.entity(IFLYTEK)).willReturn(new EntityAnswer("iflytek", "vendor", "vendor:iflytek", "科大讯飞",
				"iFlytek", List.of("讯飞"), Map.of("category", "company"), Map.of("category", List.of(quote)), List.of(),
				List.of(quote), List.of(new Relationship("out", "DEVELOPS", SPARK, Map.of(), List.of(quote), false)), 1,
				false));
		mvc.perform(get("/api/entities/{ref}", "科大讯飞"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ref").value("vendor:iflytek"))
			.andExpect(jsonPath("$.kind").value("vendor"))
			.andExpect(jsonPath("$.aliases[0]").value("讯飞"))
			.andExpect(jsonPath("$.properties.category").value("company"))
			.andExpect(jsonPath("$.propertyEvidence.category[0].quote").value("科大讯飞发布讯飞星火认知大模型"))
			.andExpect(jsonPath("$.mentions[0].documentId").value("report-2024"))
			.andExpect(jsonPath("$.relationships[0].direction").value("out"))
			.andExpect(jsonPath("$.relationships[0].type").value("DEVELOPS"))
			.andExpect(jsonPath("$.relationships[0].other.ref").value("model:spark"))
			.andExpect(jsonPath("$.relationships[0].evidence[0].section").value("2.1"))
			.andExpect(jsonPath("$.relationshipCount").value(1))
			.andExpect(jsonPath("$.truncated").value(false));
	}

	@Test
	void a_reference_that_names_nothing_is_a_404_problem_with_the_closest_names() throws Exception {
		given(refs.resolve("ref", "讯飞星", null))
			.willThrow(new NotFoundException("entity", "讯飞星", List.of("讯飞星火认知大模型")));
		mvc.perform(get("/api/entities/{ref}", "讯飞星"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/not-found"))
			.andExpect(jsonPath("$.title").value("Not found"))
			.andExpect(jsonPath("$.detail").value("No entity matches '讯飞星'. Closest names: 讯飞星火认知大模型."))
			.andExpect(jsonPath("$.suggestions[0]").value("讯飞星火认知大模型"));
	}

}
