package cn.landscape.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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

/**
 * The embedded database as any local process or web page meets it over Bolt. The checks that leave the
 * database as they found it share one start; what needs a restart shares one chain of starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedSecurityIT {

	@TempDir
	static Path sharedDir;

	private static EmbeddedNeo4j shared;

	@TempDir
	Path dir;

	@BeforeAll
	static void startShared() {
		shared = start(sharedDir, "");
	}

	@AfterAll
	static void stopShared() {
		shared.close();
	}

	private static EmbeddedNeo4j start(Path parent, String password) {
		return new EmbeddedNeo4j(parent.resolve("data"), ChildService.freePort(), "16m", password, "127.0.0.1");
	}

	private static Driver driver(EmbeddedNeo4j db, AuthToken auth) {
		return GraphDatabase.driver(db.boltUri(), auth);
	}

	private static Driver owner(EmbeddedNeo4j db) {
		return driver(db, AuthTokens.basic(db.username(), db.password()));
	}

	private static Object run(Driver driver, String cypher) {
		return driver.executableQuery(cypher).execute().records();
	}

	@Test
	void bolt_without_credentials_is_refused() {
		try (Driver anonymous = driver(shared, AuthTokens.none())) {
			assertThatThrownBy(() -> run(anonymous, "MATCH (n) RETURN count(n)")).isInstanceOf(AuthenticationException.class);
		}
	}

	/** Last on the shared database: three failed logins lock the user for a few seconds. */
	@Test
	@Order(Integer.MAX_VALUE)
	void bolt_with_a_wrong_or_the_default_password_is_refused() {
		for (String password : List.of("neo4j", "password", shared.password() + "x")) {
			try (Driver guessing = driver(shared, AuthTokens.basic("neo4j", password))) {
				assertThatThrownBy(() -> run(guessing, "RETURN 1")).as(password).isInstanceOf(Neo4jException.class);
			}
		}
	}

	@Test
	void generated_password_is_kept_owner_only_and_reused_users_created_over_bolt_are_dropped_and_a_set_password_replaces_it_at_the_next_starts()
			throws IOException {
		String password;
		try (EmbeddedNeo4j first = start(dir, "")) {
			Path file = dir.resolve("data").resolve(EmbeddedNeo4j.PASSWORD_FILE);
			assertThat(first.passwordFile()).hasValue(file);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
			password = Files.readString(file).strip();
			assertThat(password).isEqualTo(first.password()).hasSizeGreaterThanOrEqualTo(32);
			try (Driver owner = owner(first)) {
				assertThat(owner.executableQuery("RETURN 1 AS one").execute().records().getFirst().get("one").asInt()).isEqualTo(1);
				owner.executableQuery("CREATE USER intruder SET PASSWORD 'intruder-pass' CHANGE NOT REQUIRED")
					.withConfig(org.neo4j.driver.QueryConfig.builder().withDatabase("system").build())
					.execute();
			}
		}
		try (EmbeddedNeo4j second = start(dir, "")) {
			assertThat(second.password()).as("the generated password, reused").isEqualTo(password);
			try (Driver owner = owner(second)) {
				owner.verifyConnectivity();
			}
			try (Driver intruder = driver(second, AuthTokens.basic("intruder", "intruder-pass"))) {
				assertThatThrownBy(intruder::verifyConnectivity).as("the user created over Bolt, dropped")
					.isInstanceOf(AuthenticationException.class);
			}
		}
		try (EmbeddedNeo4j third = start(dir, "operator-chosen-secret")) {
			assertThat(third.passwordFile()).isEmpty();
			try (Driver owner = owner(third)) {
				owner.verifyConnectivity();
			}
			try (Driver old = driver(third, AuthTokens.basic("neo4j", password))) {
				assertThatThrownBy(old::verifyConnectivity).as("the generated password, replaced")
					.isInstanceOf(AuthenticationException.class);
			}
		}
	}

	@Test
	void load_csv_from_a_file_url_is_refused() throws IOException {
		Path csv = Files.writeString(dir.resolve("secret.csv"), "token\nleaked\n");
		try (Driver owner = owner(shared)) {
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
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data.csv";
			try (Driver owner = owner(shared)) {
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
		try (Driver owner = owner(shared)) {
			assertThat(owner.executableQuery("CALL db.labels() YIELD label RETURN count(label) AS n").execute().records())
				.hasSize(1);
			assertThat(owner.executableQuery("CALL dbms.components() YIELD name RETURN name").execute().records())
				.isNotEmpty();
		}
	}

}
