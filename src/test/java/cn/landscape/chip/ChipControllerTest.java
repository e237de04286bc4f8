package cn.landscape.chip;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.landscape.LandscapeProperties;
import cn.landscape.chip.ChipQueries.ChipDependency;
import cn.landscape.chip.ChipQueries.ChipDependents;
import cn.landscape.entity.Hop;
import cn.landscape.entity.Kind;
import cn.landscape.entity.Linked;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.Refs;
import cn.landscape.evidence.Evidence;
import cn.landscape.web.BadParameterException;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ChipController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class ChipControllerTest {

	private static final NodeRef CHATGPT = new NodeRef("chatgpt", "model", "model:chatgpt", "ChatGPT", "ChatGPT");

	private static final NodeRef A100 = new NodeRef("a100", "chip", "chip:a100", "英伟达 A100", "NVIDIA A100");

	private static final NodeRef CONTROL = new NodeRef("control", "policy", "policy:control", "管制清单", null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ChipQueries queries;

	@MockitoBean
	Refs refs;

	@Test
	void a_models_dependencies_name_the_model_and_carry_restrictions_with_their_quotes() throws Exception {
		given(refs.resolve("ref", "ChatGPT", Kind.MODEL)).willReturn(CHATGPT);
		Evidence quote = new Evidence("report-2024", "A100 被列入管制清单", "3.1", null);
		given(queries.dependencies("chatgpt")).willReturn(List.of(new ChipDependency(A100, List.of(),
				List.of(new Linked(CONTROL, List.of(quote))), List.of(), List.of(List.of()))));
		mvc.perform(get("/api/models/{ref}/chip-dependencies", "ChatGPT"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.model.ref").value("model:chatgpt"))
			.andExpect(jsonPath("$.chips[0].chip.id").value("a100"))
			.andExpect(jsonPath("$.chips[0].restrictions[0].node.ref").value("policy:control"))
			.andExpect(jsonPath("$.chips[0].restrictions[0].evidence[0].quote").value("A100 被列入管制清单"));
	}

	@Test
	void a_chips_dependents_are_answered_for_the_resolved_chip() throws Exception {
		given(refs.resolve("ref", "A100", Kind.CHIP)).willReturn(A100);
		given(queries.dependents("a100")).willReturn(Optional.of(new ChipDependents(A100, List.of(), List.of(),
				List.of(), List.of(), List.of(new ChipQueries.Dependent(CHATGPT, List.of(List.<Hop>of()))))));
		mvc.perform(get("/api/chips/{ref}/dependents", "A100"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.chip.ref").value("chip:a100"))
			.andExpect(jsonPath("$.dependents[0].node.ref").value("model:chatgpt"));
	}

	@Test
	void a_reference_the_resolver_refuses_is_a_bad_parameter_problem() throws Exception {
		given(refs.resolve("ref", "x".repeat(201), Kind.CHIP))
			.willThrow(new BadParameterException("ref", "is longer than 200 characters"));
		mvc.perform(get("/api/chips/{ref}/dependents", "x".repeat(201)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/bad-parameter"))
			.andExpect(jsonPath("$.parameter").value("ref"));
	}

}
