package cn.landscape.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.data.neo4j.core.Neo4jClient;
import cn.landscape.entity.Kind;
import cn.landscape.support.Http;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export, admin, documentation and health: the service around the questions. */
class ServiceApiTest extends SeededApp {

	@Autowired
	Neo4jClient client;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Driver driver;

	@Autowired
	cn.landscape.schema.SchemaRunner schema;

	@Test
	void json_export_holds_every_node_and_relationship_with_evidence() {
		Http.Response response = Http.get(url("/api/export"));
		assertThat(response.status()).isEqualTo(200);
		JsonNode export = response.json();
		JsonNode stats = Http.get(url("/api/stats")).json();
		assertThat(export.get("nodes").size()).isEqualTo(stats.get("totalNodes").asInt());
		assertThat(export.get("relationships").size()).isEqualTo(stats.get("totalRelationships").asInt());
		JsonNode serves = null;
		for (JsonNode r : export.get("relationships")) {
			if (r.get("type").asString().equals("SERVES")) {
				serves = r;
				break;
			}
		}
		assertThat(serves.get("source").asString()).contains(":");
		assertThat(serves.get("properties").get("evidenceQuotes").size()).isPositive();
	}

	@Test
	void export_comes_in_a_stable_order_kind_by_kind_and_id_by_id() {
		List<String> nodes = new ArrayList<>();
		Http.get(url("/api/export")).json().get("nodes").forEach(n -> nodes.add(n.get("id").asString()));
		List<String> kinds = nodes.stream().map(ref -> ref.substring(0, ref.indexOf(':'))).distinct().toList();
		assertThat(kinds).isEqualTo(Arrays.stream(Kind.values()).map(Kind::key).filter(kinds::contains).toList());
		for (String kind : kinds) {
			List<String> ids = nodes.stream().filter(ref -> ref.startsWith(kind + ":")).toList();
			assertThat(ids).as(kind).isSortedAccordingTo(Comparator.naturalOrder());
		}
		assertThat(Http.get(url("/api/export?format=csv")).body()).isEqualTo(Http.get(url("/api/export?format=csv")).body());
	}

	@Test
	void csv_and_graphml_exports_hold_the_same_graph() {
		JsonNode stats = Http.get(url("/api/stats")).json();
		long total = stats.get("totalNodes").asLong() + stats.get("totalRelationships").asLong();
		Http.Response csv = Http.get(url("/api/export?format=csv"));
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("element,kind,id,name,nameEn,type,source,target,properties\n");
		assertThat(csv.body().lines().filter(l -> l.startsWith("node,") || l.startsWith("relationship,")).count()).isEqualTo(total);
		Http.Response graphml = Http.get(url("/api/export?format=graphml"));
		assertThat(graphml.body()).contains("<graphml").contains("<node id=\"vendor:huawei\"");
		assertThat(graphml.body().split("<node ").length - 1 + graphml.body().split("<edge ").length - 1).isEqualTo(total);
	}

	@Test
	void admin_reload_is_refused_without_the_token_and_reports_no_change_with_it() {
		assertThat(Http.post(url("/api/admin/seed/reload"), null, null).status()).isEqualTo(401);
		assertThat(Http.post(url("/api/admin/seed/reload"), "Authorization", "Bearer wrong").status()).isEqualTo(401);
		Http.Response ok = Http.post(url("/api/admin/seed/reload"), "Authorization", "Bearer test-admin-token");
		assertThat(ok.status()).isEqualTo(200);
		JsonNode report = ok.json();
		assertThat(report.get("nodes").get("created").asLong()).isZero();
		assertThat(report.get("nodes").get("updated").asLong()).isZero();
		assertThat(report.get("nodes").get("removed").asLong()).isZero();
		assertThat(report.get("relationships").get("unchanged").asLong()).isPositive();
	}

	@Test
	void search_while_the_search_indexes_are_rebuilt_is_a_503_that_says_to_retry() {
		try {
			schema.dropSearchIndexes();
			// sPaRk: a spelling no other test resolves, so no cached reference answers it.
			for (String path : List.of("/api/search?q=spark", "/api/entities/sPaRk")) {
				Http.Response response = Http.get(url(path));
				assertThat(response.status()).as(path).isEqualTo(503);
				assertThat(response.json().get("type").asString()).isEqualTo("/problems/indexes-building");
				assertThat(response.json().get("detail").asString()).contains("Try again");
			}
			assertThat(Http.get(url("/api/entities/model:spark")).status()).isEqualTo(200);
		}
		finally {
			schema.apply();
		}
		assertThat(Http.get(url("/api/search?q=spark")).status()).isEqualTo(200);
	}

	@Test
	void cached_answers_are_dropped_when_the_seed_is_reloaded() {
		String page = "/api/industries/finance/models?limit=37";
		Http.Response first = Http.post(url("/api/admin/seed/reload"), "Authorization", "Bearer test-admin-token");
		assertThat(first.status()).isEqualTo(200);
		// A model the seed does not hold, written behind the service's back; the next reload removes it.
		driver.executableQuery("""
				MATCH (i:Industry {id: 'finance'}), (c:Chip {id: 'a100'}), (spark:Model {id: 'spark'})
				CREATE (m:Model:Entity {id: '0-cache-probe', name: '缓存探针', keys: ['0-cache-probe']})
				CREATE (m)-[:SERVES]->(i), (m)-[:RUNS_ON]->(c)
				CREATE (spark)-[:RUNS_ON]->(:Chip:Entity {id: '0-probe-chip', name: '探针芯片', keys: ['0-probe-chip']})
				""").execute();
		String dependencies = "/api/models/spark/chip-dependencies";
		assertThat(Http.get(url(page)).json().get("models").get(0).get("id").asString()).isEqualTo("0-cache-probe");
		assertThat(Http.get(url("/api/chips/a100/dependents")).body()).contains("0-cache-probe");
		assertThat(Http.get(url(dependencies)).body()).contains("0-probe-chip");

		Http.Response reload = Http.post(url("/api/admin/seed/reload"), "Authorization", "Bearer test-admin-token");
		assertThat(reload.json().get("nodes").get("removed").asLong()).isEqualTo(2);

		assertThat(Http.get(url(page)).body()).doesNotContain("0-cache-probe");
		assertThat(Http.get(url("/api/chips/a100/dependents")).body()).doesNotContain("0-cache-probe");
		assertThat(Http.get(url(dependencies)).body()).doesNotContain("0-probe-chip");
	}

	@Test
	void openapi_describes_every_endpoint_and_its_parameters() {
		JsonNode api = Http.get(url("/v3/api-docs")).json();
		JsonNode paths = api.get("paths");
		for (String path : List.of("/api/industries", "/api/industries/{ref}/models", "/api/models/{ref}/chip-dependencies",
				"/api/chips/{ref}/dependents", "/api/search", "/api/entities/{ref}", "/api/graph", "/api/policies",
				"/api/path", "/api/stats", "/api/export", "/api/documents", "/api/admin/seed/reload")) {
			assertThat(paths.has(path)).as(path).isTrue();
			paths.get(path).forEach(operation -> {
				assertThat(operation.get("summary").asString()).as(path).isNotBlank();
				if (operation.has("parameters")) {
					operation.get("parameters").forEach(p -> assertThat(p.has("description")).as(path + " " + p).isTrue());
				}
			});
		}
		assertThat(Http.get(url("/swagger-ui/index.html")).status()).isEqualTo(200);
	}

	@Test
	void health_reports_up_without_details_to_a_caller_without_the_token() {
		JsonNode health = Http.get(url("/actuator/health")).json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.has("components")).isFalse();
	}

	@Test
	void a_query_running_past_the_timeout_is_stopped_by_the_database() {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.setReadOnly(true);
		long start = System.nanoTime();
		assertThatThrownBy(() -> transactions.execute(status -> client
			.query("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS c")
			.fetch()
			.all()))
			.satisfies(ex -> assertThat(causeChain(ex)).contains("TransactionTimedOut"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
	}

	private static String causeChain(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
			if (t instanceof org.neo4j.driver.exceptions.Neo4jException neo) {
				text.append(neo.code()).append('\n');
			}
		}
		return text.toString();
	}

}
