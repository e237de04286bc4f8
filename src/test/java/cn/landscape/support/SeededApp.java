package cn.landscape.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-app tests: the whole service over HTTP on a random port, against the shared
 * harness database loaded with the real graph-seed/. Subclasses share one cached Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SeededApp {

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void harness(DynamicPropertyRegistry registry) {
		registry.add("landscape.neo4j.uri", HarnessDatabase::boltUri);
		registry.add("landscape.admin.token", () -> "test-admin-token");
		// A cold plan on a busy 2-core machine can take seconds; the tests are about answers, not speed.
		registry.add("landscape.query.timeout", () -> "10s");
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

}
