package cn.landscape.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
			session.run("CALL db.awaitIndexes(300)").consume();
		}
		log.info("Schema applied: " + statements.size() + " statements");
		return statements.size();
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
