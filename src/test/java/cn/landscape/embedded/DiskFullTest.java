package cn.landscape.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.landscape.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store's disk fills up during a load, on a small tmpfs mounted for the test (as root; skipped where
 * mounting is not permitted). Neo4j panics; the service stops the database at once and says why, and once
 * space is freed the next start recovers the store and makes the graph equal the seed.
 */
class DiskFullTest {

	private static final Duration START = Duration.ofSeconds(240);

	private static final String TOKEN = "disk-full-token";

	@TempDir
	Path dir;

	private Path disk;

	@BeforeEach
	void mountSmallDisk() throws Exception {
		disk = Files.createDirectories(dir.resolve("small-disk"));
		Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", disk.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assumeTrue(mount.waitFor() == 0, () -> "skipped: cannot mount a tmpfs here (root only): " + output);
	}

	@AfterEach
	void unmount() throws Exception {
		new ProcessBuilder("umount", "--lazy", disk.toString()).inheritIO().start().waitFor();
	}

	@Test
	void a_disk_full_during_a_load_stops_the_database_with_503_problems_and_the_next_start_recovers_the_seed()
			throws Exception {
		Path data = disk.resolve("data");
		int bolt = ChildService.freePort();
		Map<String, String> env = Map.of("LANDSCAPE_DATA_DIR", data.toString(), "LANDSCAPE_BOLT_PORT", String.valueOf(bolt),
				"SERVER_PORT", "0", "LANDSCAPE_ADMIN_TOKEN", TOKEN, "LANDSCAPE_MIN_FREE_SPACE", "0B");
		Path filler = disk.resolve("filler");
		try (ChildService service = ChildService.start(dir, env)) {
			assertThat(service.awaitUp(START)).as(service.output()).isTrue();
			int port = service.httpPort();
			try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt,
					AuthTokens.basic("neo4j", Files.readString(data.resolve(EmbeddedNeo4j.PASSWORD_FILE)).strip()))) {
				driver.executableQuery("MATCH ()-[r]->() DELETE r").execute();
			}
			fill(filler);

			RawHttp.Response reload = RawHttp.send(port, "POST", "/api/admin/seed/reload".getBytes(StandardCharsets.UTF_8),
					"Authorization: Bearer " + TOKEN);
			assertThat(reload.status()).as(reload.body()).isEqualTo(503);
			assertThat(service.awaitOutput("Embedded Neo4j stopped", Duration.ofSeconds(120))).as(service.output()).isTrue();
			RawHttp.Response read = RawHttp.get(port, "/api/entities/vendor:huawei");
			assertThat(read.status()).as(read.body()).isEqualTo(503);
			assertThat(read.header("Content-Type")).startsWith("application/problem+json");
			assertThat(read.body()).contains("Database stopped", data.toString(), "restart");
			assertThat(RawHttp.get(port, "/actuator/health/readiness").status()).isEqualTo(503);
			assertThat(RawHttp.get(port, "/actuator/health/liveness").status()).isEqualTo(503);

			// As the operator would: space freed while the service still runs, then a stop.
			Files.delete(filler);
			assertThat(service.stop()).as("graceful stop on SIGTERM").isNotNull();
		}
		try (ChildService again = ChildService.start(dir, env)) {
			assertThat(again.awaitUp(START)).as("the store opens again: " + again.output()).isTrue();
			RawHttp.Response integrity = RawHttp.get(again.httpPort(), "/api/admin/integrity", "Authorization: Bearer " + TOKEN);
			JsonNode differences = JsonMapper.shared().readTree(integrity.body());
			assertThat(differences.get("missing")).as(integrity.body()).isEmpty();
			assertThat(differences.get("different")).as(integrity.body()).isEmpty();
			assertThat(differences.get("extraNodes").asLong() + differences.get("extraRelationships").asLong()).isZero();
		}
	}

	/** Writes zeros until the disk is full. */
	private static void fill(Path filler) throws IOException {
		ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
		try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			while (true) {
				zeros.clear();
				channel.write(zeros);
			}
		}
		catch (IOException full) {
			assertThat(full.getMessage()).contains("No space left on device");
		}
	}

}
