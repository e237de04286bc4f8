package cn.landscape.document;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.landscape.LandscapeProperties;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Adding documents and deciding proposals: the body as the controller reads it, and the admin token in front. */
@WebMvcTest(controllers = IngestController.class, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "cn\\.landscape\\.security\\.SecurityConfiguration"))
@EnableConfigurationProperties(LandscapeProperties.class)
@TestPropertySource(properties = "landscape.admin.token=s3cret")
@EnableWebSecurity
class IngestControllerTest {

	private static final String ADMIN = "Bearer s3cret";

	private static final DocumentService.View VIEW = new DocumentService.View(
			Map.of("id", "doc-5b0c2a1f9e3d", "title", "报告"), List.of(), List.of(Map.of("ref", "model:spark")),
			List.of(), List.of(Map.of("id", "doc-5b0c2a1f9e3d-p1", "status", "proposed")));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DocumentService documents;

	@Test
	void an_added_document_is_201_with_its_location_and_what_was_read_in_it() throws Exception {
		given(documents.add(new DocumentService.NewDocument("报告", "信通院", "2024-05", null, "讯飞星火发布。")))
			.willReturn(VIEW);
		mvc.perform(post("/api/documents").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title": "报告", "publisher": "信通院", "date": "2024-05", "text": "讯飞星火发布。"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/documents/doc-5b0c2a1f9e3d"))
			.andExpect(jsonPath("$.document.id").value("doc-5b0c2a1f9e3d"))
			.andExpect(jsonPath("$.sentences").isArray())
			.andExpect(jsonPath("$.mentions[0].ref").value("model:spark"))
			.andExpect(jsonPath("$.candidates").isArray())
			.andExpect(jsonPath("$.proposals[0].status").value("proposed"));
	}

	@Test
	void adding_a_document_without_the_token_is_a_401_problem_and_reads_nothing() throws Exception {
		mvc.perform(post("/api/documents").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"x\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/unauthorized"));
		mvc.perform(post("/api/proposals/{id}/reject", "doc-1-p1"))
			.andExpect(status().isUnauthorized());
		verifyNoInteractions(documents);
	}

	@Test
	void a_body_that_is_not_utf8_is_a_problem_saying_to_send_utf8() throws Exception {
		mvc.perform(post("/api/documents").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"讯飞\"}".getBytes(Charset.forName("GBK"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/bad-document"))
			.andExpect(jsonPath("$.title").value("Bad document"))
			.andExpect(jsonPath("$.field").value("text"))
			.andExpect(jsonPath("$.detail")
				.value("The body is not UTF-8 (or is a binary file); send the text encoded as UTF-8."));
		verifyNoInteractions(documents);
	}

	@Test
	void an_empty_body_json_that_is_not_an_object_and_a_field_that_is_not_a_string_are_problems_naming_the_field()
			throws Exception {
		mvc.perform(post("/api/documents").header("Authorization", ADMIN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The body is empty; send JSON {title, publisher, date, url?, text}."));
		mvc.perform(post("/api/documents").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[\"text\"]".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The body must be a JSON object {title, publisher, date, url?, text}."));
		mvc.perform(post("/api/documents").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": 2024, \"text\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("title"))
			.andExpect(jsonPath("$.detail").value("'title' must be a string."));
		verifyNoInteractions(documents);
	}

	@Test
	void a_document_is_public_reading_and_an_unknown_one_is_a_404_problem_saying_how_to_add_one() throws Exception {
		given(documents.get("doc-5b0c2a1f9e3d")).willReturn(Optional.of(VIEW));
		mvc.perform(get("/api/documents/{id}", "doc-5b0c2a1f9e3d"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.document.title").value("报告"));
		given(documents.get("doc-0")).willReturn(Optional.empty());
		mvc.perform(get("/api/documents/{id}", "doc-0"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/not-found"))
			.andExpect(jsonPath("$.ref").value("doc-0"))
			.andExpect(jsonPath("$.detail").value(
					"No added document 'doc-0'. POST /api/documents adds one; GET /api/documents lists the documents."));
	}

	@Test
	void accepting_a_proposal_passes_the_edit_and_without_a_body_accepts_it_as_proposed() throws Exception {
		given(documents.accept("doc-1-p1", new DocumentService.Edit("DEVELOPS", null, null, "general")))
			.willReturn(Map.of("status", "accepted", "type", "DEVELOPS"));
		mvc.perform(post("/api/proposals/{id}/accept", "doc-1-p1").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\": \"DEVELOPS\", \"modelType\": \"general\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("accepted"))
			.andExpect(jsonPath("$.type").value("DEVELOPS"));
		given(documents.accept("doc-1-p2", DocumentService.Edit.NONE)).willReturn(Map.of("status", "accepted"));
		mvc.perform(post("/api/proposals/{id}/accept", "doc-1-p2").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("accepted"));
	}

	@Test
	void rejecting_a_proposal_with_the_token_answers_its_status() throws Exception {
		given(documents.reject("doc-1-p1")).willReturn(Map.of("id", "doc-1-p1", "status", "rejected"));
		mvc.perform(post("/api/proposals/{id}/reject", "doc-1-p1").header("Authorization", ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("rejected"));
	}

}
