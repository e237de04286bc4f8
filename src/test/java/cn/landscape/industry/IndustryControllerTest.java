package cn.landscape.industry;

import java.util.List;

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
import cn.landscape.industry.IndustryQueries.ServingModel;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(IndustryController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class IndustryControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	IndustryQueries queries;

	@MockitoBean
	Refs refs;

	@Test
	void a_full_page_points_at_the_next_offset() throws Exception {
		NodeRef finance = new NodeRef("finance", "industry", "industry:finance", "金融", "Finance");
		given(refs.resolve("ref", "金融", Kind.INDUSTRY)).willReturn(finance);
		given(queries.models("finance", false, 0, 1)).willReturn(List.of(
				new ServingModel("chitu", "model:chitu", "赤兔大模型", null, "industry", null, null, "direct", null, List.of())));
		mvc.perform(get("/api/industries/{ref}/models", "金融").param("limit", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.industry.ref").value("industry:finance"))
			.andExpect(jsonPath("$.models[0].id").value("chitu"))
			.andExpect(jsonPath("$.nextOffset").value(1));
	}

	@Test
	void a_limit_outside_the_row_cap_is_a_problem_naming_the_parameter() throws Exception {
		mvc.perform(get("/api/industries/finance/models").param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/bad-parameter"))
			.andExpect(jsonPath("$.parameter").value("limit"))
			.andExpect(jsonPath("$.detail").value("Parameter 'limit': must be between 1 and 500, was 0"));
	}

	@Test
	void a_negative_offset_is_a_problem_naming_the_parameter() throws Exception {
		mvc.perform(get("/api/industries/finance/models").param("offset", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("offset"))
			.andExpect(jsonPath("$.detail").value("Parameter 'offset': must be between 0 and 1000000, was -1"));
	}

}
