package cn.landscape.model;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import cn.landscape.LandscapeProperties;
import cn.landscape.entity.Kind;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.Refs;
import cn.landscape.evidence.Evidence;
import cn.landscape.vendor.Vendor;
import cn.landscape.vendor.VendorLink;
import cn.landscape.web.BadParameterException;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ModelController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class ModelControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ModelRepository models;

	@MockitoBean
	Refs refs;

	@Test
	void a_model_answers_its_typed_fields_and_its_developers_with_the_evidence_of_each_link() throws Exception {
		given(refs.resolve("ref", "星火", Kind.MODEL))
			.willReturn(new NodeRef("spark", "model", "model:spark", "讯飞星火认知大模型", "iFlytek Spark"));
		Model spark = new Model("spark", "讯飞星火认知大模型", ModelType.GENERAL);
		// The developers are mapped by Spring Data from the graph; the entity has no setter for them.
		ReflectionTestUtils.setField(spark, "developers", List.of(new VendorLink(new Vendor("iflytek", "科大讯飞"),
				List.of(Evidence.of("report-2024", "科大讯飞发布讯飞星火认知大模型", "2.1")))));
		given(models.findById("spark")).willReturn(Optional.of(spark));
		mvc.perform(get("/api/models/{ref}", "星火"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("spark"))
			.andExpect(jsonPath("$.ref").value("model:spark"))
			.andExpect(jsonPath("$.name").value("讯飞星火认知大模型"))
			.andExpect(jsonPath("$.type").value("general"))
			.andExpect(jsonPath("$.developers[0].node.ref").value("vendor:iflytek"))
			.andExpect(jsonPath("$.developers[0].evidence[0].quote").value("科大讯飞发布讯飞星火认知大模型"))
			.andExpect(jsonPath("$.developers[0].curated").value(false))
			.andExpect(jsonPath("$.runsOn").isEmpty())
			.andExpect(jsonPath("$.propertyEvidence").isMap());
	}

	@Test
	void a_reference_the_resolver_refuses_is_a_bad_parameter_problem_naming_ref() throws Exception {
		given(refs.resolve("ref", "chip:a100", Kind.MODEL))
			.willThrow(new BadParameterException("ref", "'chip:a100' is a chip, not a model"));
		mvc.perform(get("/api/models/{ref}", "chip:a100"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/bad-parameter"))
			.andExpect(jsonPath("$.parameter").value("ref"))
			.andExpect(jsonPath("$.detail").value("Parameter 'ref': 'chip:a100' is a chip, not a model"));
	}

}
