package cn.landscape.api;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import cn.landscape.support.SeededApp;
import cn.landscape.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with database access changes the graph behind the service's back: the integrity check names what
 * differs without repairing it, and a reload of the unchanged seed makes the graph equal the seed again.
 */
class TamperApiTest extends SeededApp {

	private static final String TOKEN = "Authorization: Bearer test-admin-token";

	@Autowired
	Driver driver;

	private JsonNode admin(String method, String path) {
		RawHttp.Response response = RawHttp.send(port, method, path.getBytes(), TOKEN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body());
	}

	private long count(String cypher) {
		return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
	}

	@Test
	void a_renamed_node_a_forged_quote_and_added_or_deleted_nodes_are_reported_and_repaired_by_a_reload() {
		admin("POST", "/api/admin/seed/reload");
		JsonNode clean = admin("GET", "/api/admin/integrity");
		assertThat(clean.get("missing")).isEmpty();
		assertThat(clean.get("different")).isEmpty();
		assertThat(clean.get("extraNodes").asLong()).isZero();
		long nodes = count("MATCH (n) RETURN count(n)");
		long relationships = count("MATCH ()-[r]->() RETURN count(r)");

		driver.executableQuery("""
				MATCH (v:Vendor {id: 'huawei'}) SET v.name = '华为 HACKED'
				WITH 1 AS _
				MATCH ()-[r:SERVES]->() WITH r ORDER BY elementId(r) LIMIT 1 SET r.evidenceQuotes = ['forged quote']
				WITH 1 AS _
				CREATE (:Model:Entity {id: 'planted', name: 'Planted', keys: ['planted']}), (:Model {id: 'unlabelled'})
				WITH 1 AS _
				MATCH (m:Model {id: 'spark'}) SET m:Chip
				WITH 1 AS _
				MATCH (c:Chip {id: 'a100'}) DETACH DELETE c
				""").execute();

		JsonNode found = admin("GET", "/api/admin/integrity");
		assertThat(found.get("different").toString()).contains("vendor:huawei", "model:spark", "SERVES");
		assertThat(found.get("missing").toString()).contains("chip:a100");
		assertThat(found.get("extraNodes").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(count("MATCH (v:Vendor {id: 'huawei'}) WHERE v.name = '华为 HACKED' RETURN count(v)")).as("the check repairs nothing")
			.isEqualTo(1);

		JsonNode report = admin("POST", "/api/admin/seed/reload");
		assertThat(report.get("nodes").get("updated").asLong() + report.get("nodes").get("created").asLong()).isPositive();

		JsonNode after = admin("GET", "/api/admin/integrity");
		assertThat(after.get("missing")).as(after.toString()).isEmpty();
		assertThat(after.get("different")).as(after.toString()).isEmpty();
		assertThat(after.get("extraNodes").asLong()).isZero();
		assertThat(after.get("extraRelationships").asLong()).isZero();
		assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
		assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
		assertThat(count("MATCH ()-[r]->() WHERE 'forged quote' IN r.evidenceQuotes RETURN count(r)")).isZero();
		assertThat(RawHttp.get(port, "/api/entities/vendor:huawei").body()).doesNotContain("HACKED");
	}

	@Test
	void the_integrity_check_needs_the_token() {
		assertThat(RawHttp.get(port, "/api/admin/integrity").status()).isEqualTo(401);
	}

}
