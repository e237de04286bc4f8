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

import cn.landscape.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store's disk fills up during a load, on a small tmpfs mounted for the test (as root; skipped where
 * mounting is not permitted). Neo4j panics; the service stops the database at once and says why. (Whether
 * the store opens again once space is freed depends on what the full disk left at the end of Neo4j's
 * transaction log: see EmbeddedNeo4j.)
 */
class DiskFullIT {

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
	void a_disk_full_during_a_load_stops_the_database_answers_503_problems_and_turns_readiness_and_liveness_down()
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
			assertThat(service.output()).contains("Neo4j stopped the database 'neo4j' in " + data, "No space left on device");
			RawHttp.Response read = RawHttp.get(port, "/api/entities/vendor:huawei");
			assertThat(read.status()).as(read.body()).isEqualTo(503);
			assertThat(read.header("Content-Type")).startsWith("application/problem+json");
			assertThat(read.body()).contains("Database stopped", data.toString(), "restart");
			assertThat(RawHttp.get(port, "/actuator/health/readiness").status()).isEqualTo(503);
			assertThat(RawHttp.get(port, "/actuator/health/liveness").status()).isEqualTo(503);
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
