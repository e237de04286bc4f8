package cn.landscape.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import cn.landscape.LandscapeProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The export's formats, file names and fields over a driver that holds one vendor developing one model; the
 * database side (every kind, id order) is covered by the full-HTTP tests on the seed.
 */
@WebMvcTest(ExportController.class)
@EnableConfigurationProperties(LandscapeProperties.class)
class ExportControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Driver driver;

	Transaction tx = mock();

	Session session = mock();

	@BeforeEach
	void graph() {
		given(driver.session(any(SessionConfig.class))).willReturn(session);
		given(session.beginTransaction()).willReturn(tx);
		Result vendors = result(record(Map.of("props", Map.of("id", "iflytek", "name", "科大讯飞", "nameEn", "iFlytek"))));
		Result models = result(record(Map.of("props", Map.of("id", "spark", "name", "讯飞星火, \"认知\"", "type", "general"))));
		Result develops = result(record(Map.of("type", "DEVELOPS", "fromId", "iflytek", "toLabel", "Model", "toId", "spark",
				"props", Map.of("evidenceDocs", List.of("report-2024"), "evidenceQuotes", List.of("讯飞星火")))));
		Result none = result();
		Answer<Result> byKind = call -> {
			String cypher = call.getArgument(0);
			return cypher.contains("(n:Vendor)") ? vendors : cypher.contains("(n:Model)") ? models
					: cypher.contains("(a:Vendor)") ? develops : none;
		};
		given(tx.run(anyString())).willAnswer(byKind);
		given(tx.run(anyString(), anyMap())).willAnswer(byKind);
	}

	private static Result result(Record... records) {
		Result result = mock();
		given(result.stream()).willAnswer(call -> Stream.of(records));
		return result;
	}

	private static Record record(Map<String, Object> fields) {
		Record record = mock();
		fields.forEach((key, value) -> given(record.get(key)).willReturn(Values.value(value)));
		return record;
	}

	/** The streamed body is written once the request's async part is dispatched. */
	private ResultActions export(String format) throws Exception {
		MvcResult started = mvc.perform(get("/api/export").param("format", format))
			.andExpect(request().asyncStarted())
			.andReturn();
		return mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
	}

	@Test
	void json_lists_nodes_by_kind_id_and_relationships_by_their_ends_with_their_properties() throws Exception {
		export("json").andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"landscape.json\""))
			.andExpect(jsonPath("$.nodes.length()").value(2))
			.andExpect(jsonPath("$.nodes[0].id").value("vendor:iflytek"))
			.andExpect(jsonPath("$.nodes[0].labels[0]").value("Vendor"))
			.andExpect(jsonPath("$.nodes[0].properties.nameEn").value("iFlytek"))
			.andExpect(jsonPath("$.nodes[1].id").value("model:spark"))
			.andExpect(jsonPath("$.relationships[0].type").value("DEVELOPS"))
			.andExpect(jsonPath("$.relationships[0].source").value("vendor:iflytek"))
			.andExpect(jsonPath("$.relationships[0].target").value("model:spark"))
			.andExpect(jsonPath("$.relationships[0].properties.evidenceQuotes[0]").value("讯飞星火"));
	}

	@Test
	void csv_is_one_table_with_an_element_column_and_quotes_cells_with_commas_and_quotes() throws Exception {
		MvcResult csv = export("CSV").andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"landscape.csv\"");
		assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList())
			.containsExactly("element,kind,id,name,nameEn,type,source,target,properties",
					"node,Vendor,vendor:iflytek,科大讯飞,iFlytek,,,,\"{\"\"id\"\":\"\"iflytek\"\",\"\"name\"\":\"\"科大讯飞\"\",\"\"nameEn\"\":\"\"iFlytek\"\"}\"",
					"node,Model,model:spark,\"讯飞星火, \"\"认知\"\"\",,,,,\"{\"\"id\"\":\"\"spark\"\",\"\"name\"\":\"\"讯飞星火, \\\"\"认知\\\"\"\"\",\"\"type\"\":\"\"general\"\"}\"",
					"relationship,,,,,DEVELOPS,vendor:iflytek,model:spark,\"{\"\"evidenceDocs\"\":[\"\"report-2024\"\"],\"\"evidenceQuotes\"\":[\"\"讯飞星火\"\"]}\"");
	}

	@Test
	void graphml_has_a_node_per_entity_with_its_kind_and_an_edge_per_relationship() throws Exception {
		MvcResult graphml = export("graphml").andReturn();
		assertThat(graphml.getResponse().getContentType()).startsWith("application/xml");
		assertThat(graphml.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"landscape.graphml\"");
		String xml = graphml.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(xml).contains("<node id=\"vendor:iflytek\"><data key=\"kind\">Vendor</data><data key=\"name\">科大讯飞</data>")
			.contains("<node id=\"model:spark\"><data key=\"kind\">Model</data><data key=\"name\">讯飞星火, &quot;认知&quot;</data>")
			.contains("<edge id=\"e0\" source=\"vendor:iflytek\" target=\"model:spark\"><data key=\"type\">DEVELOPS</data>")
			.endsWith("</graph>\n</graphml>\n");
	}

	@Test
	void a_database_failure_before_anything_is_sent_is_a_500_and_no_statement_runs_twice() throws Exception {
		var heap = new TransientException("Neo.TransientError.General.OutOfMemoryError", "Java heap space");
		willThrow(heap).given(tx).run(contains("(a:Vendor)"), anyMap());
		MvcResult started = mvc.perform(get("/api/export").param("format", "json"))
			.andExpect(request().asyncStarted())
			.andReturn();
		mvc.perform(asyncDispatch(started))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		verify(tx).run(contains("(n:Vendor)"));
		verify(tx).run(contains("(a:Vendor)"), anyMap());
	}

	@Test
	void nodes_and_relationships_are_read_in_one_transaction() throws Exception {
		export("json");
		verify(session).beginTransaction();
		verify(tx).commit();
	}

	@Test
	void an_unknown_format_is_a_problem_naming_the_formats() throws Exception {
		mvc.perform(get("/api/export").param("format", "xlsx"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/bad-parameter"))
			.andExpect(jsonPath("$.parameter").value("format"))
			.andExpect(jsonPath("$.detail").value("Parameter 'format': 'xlsx' is not one of json, csv, graphml"));
	}

}
