package cn.landscape.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.Kind;
import cn.landscape.search.SearchQueries.Hit;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SearchController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class SearchControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SearchQueries queries;

	@Test
	void the_text_is_stripped_and_the_kind_filter_passed_on() throws Exception {
		given(queries.search("星火", Kind.MODEL, 5))
			.willReturn(List.of(new Hit("spark", "model", "model:spark", "讯飞星火认知大模型", "iFlytek Spark", 3.2)));
		mvc.perform(get("/api/search").param("q", "  星火 ").param("kind", "model").param("limit", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.query").value("星火"))
			.andExpect(jsonPath("$.kind").value("model"))
			.andExpect(jsonPath("$.results[0].ref").value("model:spark"));
	}

	@Test
	void missing_or_overlong_text_an_unknown_kind_and_a_limit_over_100_are_problems_naming_the_parameter()
			throws Exception {
		mvc.perform(get("/api/search").param("q", " ")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("q"));
		mvc.perform(get("/api/search").param("q", "星".repeat(201))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Parameter 'q': is longer than 200 characters"));
		mvc.perform(get("/api/search").param("q", "星火").param("kind", "company")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("kind"));
		mvc.perform(get("/api/search").param("q", "星火").param("limit", "101")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("limit"));
		verifyNoInteractions(queries);
	}

}
