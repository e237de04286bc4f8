package cn.landscape.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.Driver;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the schema files under classpath:schema/ in file-name order. Every statement is written with
 * IF NOT EXISTS, so running them at each start-up is idempotent.
 */
@Component
public class SchemaRunner {

	private static final Log log = LogFactory.getLog(SchemaRunner.class);

	private final Driver driver;

	public SchemaRunner(Driver driver) {
		this.driver = driver;
	}

	public int apply() {
		List<String> statements = statements();
		try (var session = driver.session()) {
			for (String statement : statements) {
				session.run(statement).consume();
			}
			// Long only after a bulk load, when the search indexes are built from the whole store.
			session.run("CALL db.awaitIndexes(1800)").consume();
		}
		log.info("Schema applied: " + statements.size() + " statements");
		return statements.size();
	}

	/**
	 * Drops the Lucene-backed indexes (full-text and text), which cost most per node written; {@link #apply()}
	 * builds them again from the store, which is several times cheaper than updating them row by row.
	 * For loads into an empty database only.
	 */
	public void dropSearchIndexes() {
		try (var session = driver.session()) {
			List<String> names = session.run("SHOW INDEXES YIELD name, type WHERE type IN ['FULLTEXT', 'TEXT'] RETURN name")
				.list(r -> r.get("name").asString());
			for (String name : names) {
				session.run("DROP INDEX $name", Map.of("name", name)).consume();
			}
		}
	}

	static List<String> statements() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:schema/*.cypher");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			List<String> statements = new ArrayList<>();
			for (Resource file : files) {
				statements.addAll(split(file.getContentAsString(StandardCharsets.UTF_8)));
			}
			return statements;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> split(String script) {
		StringBuilder withoutComments = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.strip().startsWith("//")) {
				withoutComments.append(line).append('\n');
			}
		}
		return Arrays.stream(withoutComments.toString().split(";"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

}
