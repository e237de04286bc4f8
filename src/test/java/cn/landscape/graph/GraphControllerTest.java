package cn.landscape.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.Refs;
import cn.landscape.graph.GraphQueries.GraphNode;
import cn.landscape.graph.GraphQueries.Neighbourhood;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(GraphController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class GraphControllerTest {

	private static final NodeRef SPARK = new NodeRef("spark", "model", "model:spark", "星火", null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GraphQueries queries;

	@MockitoBean
	Refs refs;

	@Test
	void the_focus_is_resolved_and_depth_and_limit_passed_on() throws Exception {
		given(refs.resolve("focus", "星火", null)).willReturn(SPARK);
		given(queries.neighbourhood(SPARK, 2, 20)).willReturn(new Neighbourhood(new GraphNode("model:spark", "model", "星火", null),
				List.of(new GraphNode("model:spark", "model", "星火", null)), List.of(), false));
		mvc.perform(get("/api/graph").param("focus", "星火").param("depth", "2").param("limit", "20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.focus.id").value("model:spark"))
			.andExpect(jsonPath("$.truncated").value(false));
	}

	@Test
	void a_depth_beyond_three_is_a_problem_before_any_query() throws Exception {
		mvc.perform(get("/api/graph").param("focus", "星火").param("depth", "4"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("depth"));
		verifyNoInteractions(queries, refs);
	}

	@Test
	void a_path_from_an_entity_to_itself_is_a_problem_naming_to() throws Exception {
		given(refs.resolve("from", "spark", null)).willReturn(SPARK);
		given(refs.resolve("to", "星火", null)).willReturn(SPARK);
		mvc.perform(get("/api/path").param("from", "spark").param("to", "星火"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("to"))
			.andExpect(jsonPath("$.detail").value("Parameter 'to': is the same entity as 'from'"));
		verifyNoInteractions(queries);
	}

}
