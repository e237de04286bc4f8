package cn.landscape.containers;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.landscape.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against the official Neo4j server image with authentication on, as docker-compose runs it.
 * Skipped, not failed, where no Docker engine runs (as on this project's CI machines).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Neo4jServerContainerIT {

	@Container
	@ServiceConnection
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1-community").withAdminPassword("container-secret");

	@LocalServerPort
	int port;

	/** Also set as the service's own external URI, so that no embedded database starts beside the container. */
	@DynamicPropertySource
	static void external(DynamicPropertyRegistry registry) {
		registry.add("landscape.neo4j.uri", neo4j::getBoltUrl);
		registry.add("landscape.neo4j.password", () -> "container-secret");
	}

	@Test
	void seed_loads_into_a_neo4j_server_and_finance_query_answers_with_evidence() {
		JsonNode answer = Http.get("http://localhost:" + port + "/api/industries/finance/models").json();
		assertThat(answer.get("models").size()).isPositive();
		assertThat(answer.get("models").get(0).get("evidence").size()).isPositive();
	}

	@Test
	void health_reports_the_server_up() {
		JsonNode health = Http.get("http://localhost:" + port + "/actuator/health").json();
		assertThat(health.get("components").get("neo4j").get("status").asString()).isEqualTo("UP");
	}

}
