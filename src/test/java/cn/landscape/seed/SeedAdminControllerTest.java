package cn.landscape.seed;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.landscape.LandscapeProperties;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin endpoints behind the service's own security configuration (the admin token). */
@WebMvcTest(controllers = SeedAdminController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "cn\\.landscape\\.security\\.SecurityConfiguration"))
@EnableConfigurationProperties(LandscapeProperties.class)
@TestPropertySource(properties = "landscape.admin.token=s3cret")
@EnableWebSecurity
class SeedAdminControllerTest {

	private static final String ADMIN = "Bearer s3cret";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SeedService seeds;

	@MockitoBean
	SourceDiffs diffs;

	@Test
	void the_sources_report_with_the_token_names_every_merge_with_its_rule() throws Exception {
		given(seeds.sources()).willReturn(List.of(new SourceReport("epoch-models", "Epoch AI: Data on Notable AI Models",
				"CC-BY-4.0", "Epoch AI, 'Data on Notable AI Models', epoch.ai/data", "https://epoch.ai/data", "2024-11-14",
				"ff656d27", 368, 368, 582, 926, List.of(new SourceReport.Merge("DeepSeek", "vendor:deepseek", "curator: deepseek")),
				List.of(new SourceReport.Skip("line 9 (X)", "column 'Parameters': '1.3e11?' is not a number")), List.of())));
		mvc.perform(get("/api/admin/sources").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].source").value("epoch-models"))
			.andExpect(jsonPath("$[0].merges[0].rule").value("curator: deepseek"))
			.andExpect(jsonPath("$[0].skipped[0].reason").value(containsString("1.3e11?")));
		mvc.perform(get("/api/admin/sources")).andExpect(status().isUnauthorized());
	}

	@Test
	void a_reload_with_the_token_answers_the_counts_of_nodes_and_relationships() throws Exception {
		given(seeds.load()).willReturn(new LoadReport(new LoadReport.Counts(3, 1, 320, 0),
				new LoadReport.Counts(5, 0, 900, 2), 1234));
		mvc.perform(post("/api/admin/seed/reload").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes.created").value(3))
			.andExpect(jsonPath("$.nodes.updated").value(1))
			.andExpect(jsonPath("$.nodes.unchanged").value(320))
			.andExpect(jsonPath("$.relationships.removed").value(2))
			.andExpect(jsonPath("$.millis").value(1234));
	}

	@Test
	void a_reload_of_an_invalid_seed_is_a_422_problem_listing_every_error() throws Exception {
		given(seeds.load()).willThrow(new SeedValidationException(List.of(
				new SeedError("models.yaml", "spark", "type", "type 'big' is not one of general, industry"),
				new SeedError("vendors.yaml", "iflytek", "id", "duplicate id"))));
		mvc.perform(post("/api/admin/seed/reload").header("Authorization", ADMIN))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Seed invalid, nothing written"))
			.andExpect(jsonPath("$.errors[0].record").value("spark"))
			.andExpect(jsonPath("$.errors[1].message").value("duplicate id"));
	}

	@Test
	void the_integrity_check_with_the_token_answers_what_differs_from_the_seed() throws Exception {
		given(seeds.check()).willReturn(new SeedLoader.Integrity(List.of("model:spark"), List.of(), 1, 0));
		mvc.perform(get("/api/admin/integrity").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.missing[0]").value("model:spark"))
			.andExpect(jsonPath("$.extraNodes").value(1));
	}

	@Test
	void without_the_token_both_admin_endpoints_are_a_401_problem_with_a_bearer_challenge() throws Exception {
		for (var request : List.of(post("/api/admin/seed/reload"), get("/api/admin/integrity"))) {
			mvc.perform(request)
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"ai-landscape-graph\""))
				.andExpect(jsonPath("$.type").value("/problems/unauthorized"))
				.andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer <token>")));
		}
		verifyNoInteractions(seeds);
	}

	@Test
	void a_wrong_token_is_a_401_problem_saying_the_token_is_invalid_and_nothing_is_loaded() throws Exception {
		mvc.perform(post("/api/admin/seed/reload").header("Authorization", "Bearer wrong"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")))
			.andExpect(jsonPath("$.detail").value(startsWith("The admin token is wrong.")));
		verifyNoInteractions(seeds);
	}

}
