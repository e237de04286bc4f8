package cn.landscape.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The rows of a source file, each with its cells by column. A row that cannot be read whole is in
 * {@code skipped} with its file, row and reason, never guessed. Every format reads into this one shape.
 */
record SourceTable(List<String> columns, List<Row> rows, List<SeedError> skipped) {

	/** One row: where it is ({@code line}: a line number, or a record's file name) and its cells, verbatim. */
	record Row(String line, Map<String, String> cells) {

		String cell(String column) {
			String value = cells.get(column);
			return value == null ? "" : value.strip();
		}
	}

	/** The three shapes a source comes in; a fifth dataset of one of them needs a mapping and no Java. */
	enum Format {

		CSV("csv", CsvRows::read), YAML_RECORDS("yaml-records", YamlRecordRows::read),
		MARKDOWN_TABLE("markdown-table", MarkdownTableRows::read);

		private final String key;

		private final Reader reader;

		Format(String key, Reader reader) {
			this.key = key;
			this.reader = reader;
		}

		String key() {
			return key;
		}

		SourceTable read(Path path, String file) throws IOException {
			return reader.read(path, file);
		}

		static java.util.Optional<Format> fromKey(String key) {
			return java.util.Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
		}
	}

	@FunctionalInterface
	interface Reader {

		SourceTable read(Path path, String file) throws IOException;

	}

}
