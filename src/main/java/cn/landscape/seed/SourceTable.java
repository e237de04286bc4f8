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

	/**
	 * Adds a row of {@code values} under the header's {@code columns}, or, when their counts differ, skips it
	 * with the file and line: a reader never guesses which cell is which.
	 */
	static void add(String file, String line, List<String> columns, List<String> values, List<Row> rows,
			List<SeedError> skipped) {
		if (values.size() != columns.size()) {
			skipped.add(new SeedError(file, line, null, "has " + values.size() + " cells where the header has "
					+ columns.size() + "; the row is skipped"));
			return;
		}
		Map<String, String> cells = new java.util.LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			cells.put(columns.get(i), values.get(i));
		}
		rows.add(new Row(line, cells));
	}

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
