package cn.landscape.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database as any local process or web page meets it over Bolt. */
class EmbeddedSecurityTest {

	@TempDir
	Path dir;

	private EmbeddedNeo4j db;

	@AfterEach
	void stop() {
		if (db != null) {
			db.close();
		}
	}

	private EmbeddedNeo4j start(String password) {
		db = new EmbeddedNeo4j(dir.resolve("data"), ChildService.freePort(), "16m", password, "127.0.0.1");
		return db;
	}

	private Driver driver(AuthToken auth) {
		return GraphDatabase.driver(db.boltUri(), auth);
	}

	private Driver owner() {
		return driver(AuthTokens.basic(db.username(), db.password()));
	}

	private static Object run(Driver driver, String cypher) {
		return driver.executableQuery(cypher).execute().records();
	}

	@Test
	void bolt_without_credentials_is_refused() {
		start("");
		try (Driver anonymous = driver(AuthTokens.none())) {
			assertThatThrownBy(() -> run(anonymous, "MATCH (n) RETURN count(n)")).isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void bolt_with_a_wrong_or_the_default_password_is_refused() {
		start("");
		for (String password : List.of("neo4j", "password", db.password() + "x")) {
			try (Driver guessing = driver(AuthTokens.basic("neo4j", password))) {
				assertThatThrownBy(() -> run(guessing, "RETURN 1")).as(password).isInstanceOf(Neo4jException.class);
			}
		}
	}

	@Test
	void generated_password_is_kept_owner_only_in_the_data_directory_and_reused_at_the_next_start() throws IOException {
		start("");
		Path file = dir.resolve("data").resolve(EmbeddedNeo4j.PASSWORD_FILE);
		assertThat(db.passwordFile()).hasValue(file);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
		String password = Files.readString(file).strip();
		assertThat(password).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(32);
		try (Driver owner = owner()) {
			assertThat(owner.executableQuery("RETURN 1 AS one").execute().records().getFirst().get("one").asInt()).isEqualTo(1);
		}
		db.close();
		start("");
		assertThat(db.password()).isEqualTo(password);
		try (Driver owner = owner()) {
			owner.verifyConnectivity();
		}
	}

	@Test
	void password_from_the_setting_replaces_the_generated_one() {
		start("");
		String generated = db.password();
		db.close();
		start("operator-chosen-secret");
		assertThat(db.passwordFile()).isEmpty();
		try (Driver owner = owner()) {
			owner.verifyConnectivity();
		}
		try (Driver old = driver(AuthTokens.basic("neo4j", generated))) {
			assertThatThrownBy(old::verifyConnectivity).isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void users_created_over_bolt_are_dropped_at_the_next_start() {
		start("");
		try (Driver owner = owner()) {
			owner.executableQuery("CREATE USER intruder SET PASSWORD 'intruder-pass' CHANGE NOT REQUIRED")
				.withConfig(org.neo4j.driver.QueryConfig.builder().withDatabase("system").build())
				.execute();
		}
		db.close();
		start("");
		try (Driver intruder = driver(AuthTokens.basic("intruder", "intruder-pass"))) {
			assertThatThrownBy(intruder::verifyConnectivity).isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void load_csv_from_a_file_url_is_refused() throws IOException {
		Path csv = Files.writeString(dir.resolve("secret.csv"), "token\nleaked\n");
		start("");
		try (Driver owner = owner()) {
			for (String url : List.of(csv.toUri().toString(), "file:///etc/passwd", "file:///proc/self/cmdline")) {
				assertThatThrownBy(() -> run(owner, "LOAD CSV FROM '" + url + "' AS row RETURN row")).as(url)
					.isInstanceOf(ClientException.class)
					.hasMessageContaining("file");
			}
		}
	}

	@Test
	void load_csv_from_the_network_is_refused_without_contacting_the_address() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			byte[] body = "a\n1\n".getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			start("");
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data.csv";
			try (Driver owner = owner()) {
				assertThatThrownBy(() -> run(owner, "LOAD CSV FROM '" + url + "' AS row RETURN row"))
					.isInstanceOf(ClientException.class);
				assertThatThrownBy(() -> run(owner, "LOAD CSV FROM 'http://localhost:1/x.csv' AS row RETURN row"))
					.isInstanceOf(ClientException.class);
			}
			assertThat(requests).hasValue(0);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void built_in_procedures_the_service_and_browser_call_still_work() {
		start("");
		try (Driver owner = owner()) {
			assertThat(owner.executableQuery("CALL db.labels() YIELD label RETURN count(label) AS n").execute().records())
				.hasSize(1);
			assertThat(owner.executableQuery("CALL dbms.components() YIELD name RETURN name").execute().records())
				.isNotEmpty();
		}
	}

}
