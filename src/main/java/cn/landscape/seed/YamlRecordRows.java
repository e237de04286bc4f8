package cn.landscape.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.YAMLException;

/**
 * A folder of YAML files, one record each. Nested mappings become dotted columns ({@code system.name}); a list
 * becomes one cell, its items joined by ", ". The row's place is the file's name.
 */
final class YamlRecordRows {

	private YamlRecordRows() {
	}

	static SourceTable read(Path folder, String file) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new IOException("must be a folder of YAML records");
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
		}
		Set<String> columns = new LinkedHashSet<>();
		List<SourceTable.Row> rows = new ArrayList<>();
		List<SeedError> skipped = new ArrayList<>();
		for (Path path : files) {
			String name = file + "/" + path.getFileName();
			try {
				if (!(SeedFiles.yaml(SeedFiles.readUtf8(path)) instanceof Map<?, ?> record)) {
					skipped.add(new SeedError(name, "-", null, "is not a YAML mapping; the record is skipped"));
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				flatten("", record, cells);
				columns.addAll(cells.keySet());
				rows.add(new SourceTable.Row(path.getFileName().toString(), cells));
			}
			catch (YAMLException | IOException ex) {
				skipped.add(new SeedError(name, "-", null, "cannot be read (" + ex.getMessage().replace('\n', ' ')
						+ "); the record is skipped"));
			}
		}
		return new SourceTable(List.copyOf(columns), rows, skipped);
	}

	private static void flatten(String prefix, Map<?, ?> map, Map<String, String> cells) {
		map.forEach((key, value) -> {
			String column = prefix + key;
			if (value instanceof Map<?, ?> nested) {
				flatten(column + ".", nested, cells);
			}
			else if (value instanceof List<?> list) {
				cells.put(column, String.join(", ", list.stream().map(SeedReader::string).toList()));
			}
			else if (value != null) {
				cells.put(column, SeedReader.string(value));
			}
		});
	}

}
