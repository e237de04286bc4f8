package cn.landscape.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import cn.landscape.support.Http;
import cn.landscape.support.SeededApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full app on a temporary copy of graph-seed/ and a temporary review folder, for tests that add
 * documents (they write into graph-seed/). Subclasses share one Spring context. After each class the copy
 * loses the added documents and is loaded again, so the shared database holds the real seed for the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TemporarySeedApp extends SeededApp {

	static final Path SEED;

	static final Path REVIEW;

	static final String TOKEN = "Bearer test-admin-token";

	static {
		try {
			SEED = Files.createTempDirectory("graph-seed-copy");
			REVIEW = Files.createTempDirectory("review");
			try (Stream<Path> files = Files.walk(Path.of("graph-seed"))) {
				for (Path source : files.toList()) {
					Path target = SEED.resolve(Path.of("graph-seed").relativize(source).toString());
					if (Files.isDirectory(source)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(source, target);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void temporaryFolders(DynamicPropertyRegistry registry) {
		registry.add("landscape.seed.dir", SEED::toString);
		registry.add("landscape.documents.review-dir", REVIEW::toString);
	}

	@AfterAll
	void restoreTheSharedDatabase() throws IOException {
		FileSystemUtils.deleteRecursively(SEED.resolve("documents"));
		assertThat(Http.post(url("/api/admin/seed/reload"), "Authorization", TOKEN).status()).isEqualTo(200);
	}

}
