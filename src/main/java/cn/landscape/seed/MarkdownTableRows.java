package cn.landscape.seed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first table of a Markdown file: a header row, the separator row ({@code |:-|}), then one row per line
 * until the table ends. {@code \|} is a pipe inside a cell.
 */
final class MarkdownTableRows {

	private MarkdownTableRows() {
	}

	static SourceTable read(Path path, String file) throws IOException {
		String[] lines = SeedFiles.readUtf8(path).split("\r?\n", -1);
		int start = 0;
		while (start < lines.length && !lines[start].strip().startsWith("|")) {
			start++;
		}
		if (start + 1 >= lines.length || !lines[start + 1].strip().matches("\\|?(\\s*:?-+:?\\s*\\|)+\\s*:?-*:?\\s*")) {
			throw new IOException("holds no Markdown table (a header row followed by |:-|:-| …)");
		}
		List<String> columns = cells(lines[start]);
		List<SourceTable.Row> rows = new ArrayList<>();
		List<SeedError> skipped = new ArrayList<>();
		for (int i = start + 2; i < lines.length && lines[i].strip().startsWith("|"); i++) {
			SourceTable.add(file, "line " + (i + 1), columns, cells(lines[i]), rows, skipped);
		}
		return new SourceTable(columns, rows, skipped);
	}

	private static List<String> cells(String line) {
		String body = line.strip();
		body = body.startsWith("|") ? body.substring(1) : body;
		body = body.endsWith("|") && !body.endsWith("\\|") ? body.substring(0, body.length() - 1) : body;
		return Arrays.stream(body.split("(?<!\\\\)\\|", -1)).map(c -> c.replace("\\|", "|").strip()).toList();
	}

}
