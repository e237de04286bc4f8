package cn.landscape.seed;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file (RFC 4180, a header row, quoted cells may hold commas and line breaks). */
final class CsvRows {

	private CsvRows() {
	}

	static SourceTable read(Path path, String file) throws IOException {
		String text = SeedFiles.readUtf8(path);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<SourceTable.Row> rows = new ArrayList<>();
		List<SeedError> skipped = new ArrayList<>();
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text))) {
			List<String> columns = parser.getHeaderNames();
			try {
				for (CSVRecord record : parser) {
					SourceTable.add(file, "line " + record.getParser().getCurrentLineNumber(), columns, record.toList(), rows,
							skipped);
				}
			}
			catch (UncheckedIOException ex) {
				skipped.add(new SeedError(file, "line " + parser.getCurrentLineNumber(), null,
						"is not valid CSV (" + ex.getCause().getMessage() + "); the rest of the file is skipped"));
			}
			return new SourceTable(List.copyOf(columns), rows, skipped);
		}
		catch (IllegalArgumentException ex) {
			throw new IOException("has no valid header row: " + ex.getMessage(), ex);
		}
	}

}
