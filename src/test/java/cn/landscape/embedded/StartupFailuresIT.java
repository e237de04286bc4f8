package cn.landscape.embedded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees when the service cannot start. Each test starts the service as its own JVM (kill -9 and
 * a second instance on the same store: {@link GraphEqualsSeedAcrossRestartsIT}).
 */
class StartupFailuresIT {

	private static final Duration START = Duration.ofSeconds(120);

	@TempDir
	Path dir;

	private Map<String, String> env(Path dataDir, int boltPort, String... more) {
		Map<String, String> env = new java.util.HashMap<>(Map.of("LANDSCAPE_DATA_DIR", dataDir.toString(),
				"LANDSCAPE_BOLT_PORT", String.valueOf(boltPort), "SERVER_PORT", "0", "LANDSCAPE_SEED_ON_STARTUP", "false"));
		for (int i = 0; i < more.length; i += 2) {
			env.put(more[i], more[i + 1]);
		}
		return env;
	}

	private static void assertOneClearMessage(ChildService service, Integer exit, String... expected) {
		String output = service.output();
		assertThat(exit).as(output).isNotNull().isNotZero();
		assertThat(output).contains(expected);
		assertThat(output).as("no stack trace as the message").doesNotContain("\tat ");
	}

	@Test
	void taken_bolt_port_exits_non_zero_naming_the_port_and_the_setting() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				ChildService service = ChildService.start(dir, env(dir.resolve("data"), taken.getLocalPort()))) {
			assertOneClearMessage(service, service.awaitExit(START), "Bolt port " + taken.getLocalPort() + " is already in use",
					"LANDSCAPE_BOLT_PORT");
		}
	}

	@Test
	void taken_http_port_exits_non_zero_within_ten_seconds_of_the_failure_naming_the_port_and_the_setting()
			throws Exception {
		try (ServerSocket taken = new ServerSocket(0);
				ChildService service = ChildService.start(dir, env(dir.resolve("data"), ChildService.freePort(), "SERVER_PORT",
						String.valueOf(taken.getLocalPort())))) {
			// The database is up by then: its threads must not keep the JVM alive.
			assertThat(service.awaitOutput("APPLICATION FAILED TO START", START)).as(service.output()).isTrue();
			assertOneClearMessage(service, service.awaitExit(Duration.ofSeconds(10)),
					"HTTP port " + taken.getLocalPort() + " is already in use", "SERVER_PORT");
		}
	}

	@Test
	void a_load_refuses_to_start_when_the_stores_disk_is_below_the_free_space_threshold() throws Exception {
		try (ChildService service = ChildService.start(dir, env(dir.resolve("data"), ChildService.freePort(),
				"LANDSCAPE_SEED_ON_STARTUP", "true", "LANDSCAPE_MIN_FREE_SPACE", "1000000TB"))) {
			assertOneClearMessage(service, service.awaitExit(START), "Seed load refused", dir.resolve("data").toString(),
					"landscape.embedded.min-free-space", "LANDSCAPE_DATA_DIR");
		}
	}

	@Test
	void with_the_stores_disk_below_the_threshold_readiness_is_down_and_disk_space_names_the_store() throws Exception {
		Path data = dir.resolve("data");
		try (ChildService service = ChildService.start(dir, env(data, ChildService.freePort(), "LANDSCAPE_MIN_FREE_SPACE",
				"1000000TB", "LANDSCAPE_ADMIN_TOKEN", "disk-test-token"))) {
			assertThat(service.awaitUp(START)).as(service.output()).isTrue();
			int port = service.httpPort();
			var readiness = cn.landscape.web.RawHttp.get(port, "/actuator/health/readiness");
			assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
			var health = cn.landscape.web.RawHttp.get(port, "/actuator/health", "Authorization: Bearer disk-test-token");
			JsonNode diskSpace = JsonMapper.shared().readTree(health.body()).get("components").get("diskSpace");
			assertThat(diskSpace.get("status").asString()).isEqualTo("DOWN");
			assertThat(diskSpace.get("details").get("path").asString()).isEqualTo(data.toString());
			var reload = cn.landscape.web.RawHttp.send(port, "POST", "/api/admin/seed/reload".getBytes(),
					"Authorization: Bearer disk-test-token");
			assertThat(reload.status()).isEqualTo(503);
			assertThat(reload.header("Content-Type")).startsWith("application/problem+json");
			assertThat(reload.body()).contains(data.toString(), "landscape.embedded.min-free-space");
		}
	}

	@Test
	void data_directory_that_cannot_be_created_exits_non_zero_naming_it() throws Exception {
		Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
		try (ChildService service = ChildService.start(dir, env(file.resolve("store"), ChildService.freePort()))) {
			assertOneClearMessage(service, service.awaitExit(START), "is not writable", "LANDSCAPE_DATA_DIR");
		}
	}

	@Test
	void unreachable_external_database_fails_fast_naming_the_uri_without_falling_back_to_embedded() throws Exception {
		String uri = "bolt://127.0.0.1:" + ChildService.freePort();
		try (ChildService service = ChildService.start(dir, env(dir.resolve("data"), ChildService.freePort(), "NEO4J_URI", uri,
				"NEO4J_PASSWORD", "wrong"))) {
			assertOneClearMessage(service, service.awaitExit(START), uri, "NEO4J_URI");
			assertThat(Files.exists(dir.resolve("data"))).as("no embedded store was created").isFalse();
		}
	}

	@Test
	void wrong_credentials_for_an_external_database_fail_fast_naming_the_uri() throws Exception {
		try (Neo4j secured = Neo4jBuilders.newInProcessBuilder()
			.withDisabledServer()
			.withConfig(GraphDatabaseSettings.auth_enabled, true)
			.build()) {
			String uri = secured.boltURI().toString();
			try (ChildService service = ChildService.start(dir, env(dir.resolve("data"), ChildService.freePort(), "NEO4J_URI",
					uri, "NEO4J_USERNAME", "neo4j", "NEO4J_PASSWORD", "not-the-password"))) {
				assertOneClearMessage(service, service.awaitExit(START), uri, "NEO4J_PASSWORD");
			}
		}
	}

}
