package cn.landscape.policy;

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
import cn.landscape.policy.PolicyQueries.PolicyItem;
import cn.landscape.web.NotFoundException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PolicyController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class PolicyControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PolicyQueries queries;

	@MockitoBean
	Refs refs;

	@Test
	void a_region_name_is_resolved_to_its_id_and_dates_are_passed_at_their_own_precision() throws Exception {
		given(refs.resolve("region", "广东", Kind.REGION))
			.willReturn(new NodeRef("guangdong", "region", "region:guangdong", "广东", "Guangdong"));
		given(queries.policies("guangdong", "2023", "2023-12-31", null, 100)).willReturn(List.of(new PolicyItem(
				"sz-measures", "policy:sz-measures", "深圳措施", null, "2023-05-31", null, "local", List.of(), List.of(), List.of())));
		mvc.perform(get("/api/policies").param("region", "广东").param("from", "2023").param("to", "2023-12-31"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].ref").value("policy:sz-measures"))
			.andExpect(jsonPath("$[0].date").value("2023-05-31"));
	}

	@Test
	void a_date_that_is_not_a_real_iso_date_is_a_problem_naming_the_parameter() throws Exception {
		mvc.perform(get("/api/policies").param("to", "2023-02-30"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.parameter").value("to"))
			.andExpect(jsonPath("$.detail").value("Parameter 'to': '2023-02-30' is not an ISO date (2023, 2023-05 or 2023-05-12)"));
		then(queries).should(never()).policies(any(), any(), any(), any(), anyInt());
	}

	@Test
	void from_after_to_is_a_problem_but_a_finer_from_inside_a_coarser_to_is_not() throws Exception {
		mvc.perform(get("/api/policies").param("from", "2024").param("to", "2023-12"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("from"));
		mvc.perform(get("/api/policies").param("from", "2023-05-12").param("to", "2023-05"))
			.andExpect(status().isOk());
	}

	@Test
	void an_unknown_issuer_is_a_not_found_problem_with_suggestions() throws Exception {
		given(refs.resolve("issuer", "深圳政府", Kind.BODY))
			.willThrow(new NotFoundException("body", "深圳政府", List.of("深圳市人民政府")));
		mvc.perform(get("/api/policies").param("issuer", "深圳政府"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.ref").value("深圳政府"))
			.andExpect(jsonPath("$.suggestions[0]").value("深圳市人民政府"));
	}

}
