package cn.landscape.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** One JSON file per added document in the review folder, written atomically. */
@Component
class ReviewStore {

	private final Path dir;

	private final JsonMapper json;

	ReviewStore(DocumentSettings settings, JsonMapper json) {
		this.dir = settings.reviewDir();
		this.json = json;
	}

	Optional<Review> load(String documentId) {
		Path file = file(documentId);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(json.readValue(Files.readString(file), Review.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void save(Review review) {
		try {
			AtomicFiles.write(file(review.documentId()), json.writeValueAsString(review));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void delete(String documentId) {
		try {
			Files.deleteIfExists(file(documentId));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path file(String documentId) {
		return dir.resolve(documentId + ".json");
	}

}
