package cn.landscape.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

import cn.landscape.seed.IngestedDocuments;
import cn.landscape.seed.SeedFiles;

/**
 * An added document's files under graph-seed/documents/: {@code <id>.yaml} (record, mentions, accepted
 * entities and facts) and {@code <id>.txt} (its plain text), in the format IngestedDocuments reads.
 */
final class DocumentFiles {

	private final Path folder;

	DocumentFiles(Path seedDir) {
		this.folder = seedDir.resolve(IngestedDocuments.FOLDER);
	}

	Path yaml(String id) {
		return folder.resolve(id + ".yaml");
	}

	Path text(String id) {
		return folder.resolve(id + ".txt");
	}

	boolean exists(String id) {
		return Files.exists(yaml(id));
	}

	Optional<Map<String, Object>> record(String id) {
		if (!exists(id)) {
			return Optional.empty();
		}
		try {
			Object loaded = SeedFiles.yaml(SeedFiles.readUtf8(yaml(id)));
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) loaded;
			return Optional.of(new LinkedHashMap<>(map));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String readText(String id) {
		try {
			return Files.readString(text(id), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void writeText(String id, String text) throws IOException {
		AtomicFiles.write(text(id), text);
	}

	void writeRecord(String id, Map<String, Object> record) throws IOException {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setAllowUnicode(true);
		options.setWidth(160);
		String yaml = "# Added through the document service; review its proposals with GET /api/documents/" + id + "\n"
				+ new Yaml(new Representer(options), options).dump(record);
		AtomicFiles.write(yaml(id), yaml);
	}

	void delete(String id) {
		try {
			Files.deleteIfExists(yaml(id));
			Files.deleteIfExists(text(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> record, String field) {
		Object raw = record.get(field);
		List<Map<String, Object>> out = new ArrayList<>();
		if (raw instanceof List<?> items) {
			items.forEach(item -> out.add((Map<String, Object>) item));
		}
		record.put(field, out);
		return out;
	}

}
