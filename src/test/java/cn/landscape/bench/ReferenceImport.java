package cn.landscape.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.io.ByteUnit;

import cn.landscape.schema.SchemaRunner;

/**
 * The reference for the service's load (issue 15): Neo4j's own offline importer, {@code neo4j-admin database
 * import full}, on the same graph. The graph is read back from the service's store into CSV files (not
 * timed: a user of the importer starts from files), the importer runs in a JVM of its own as neo4j-admin
 * runs it, then the database starts on the new store and the service's schema files are applied, indexes
 * built. The reference's time is the importer's, the start's and the schema's together, since the service's
 * load figure includes its index build too.
 */
final class ReferenceImport {

	/** Figures of one reference import, in milliseconds; {@code perSecond} counts nodes plus relationships. */
	record Result(long nodes, long relationships, long dumpMs, long importMs, long startMs, long schemaMs) {

		long totalMs() {
			return importMs + startMs + schemaMs;
		}

		long perSecond() {
			return Math.round((nodes + relationships) / (totalMs() / 1000.0));
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("nodes", nodes);
			map.put("relationships", relationships);
			map.put("csvDumpMs", dumpMs);
			map.put("importerMs", importMs);
			map.put("databaseStartMs", startMs);
			map.put("schemaMs", schemaMs);
			map.put("totalMs", totalMs());
			map.put("perSecond", perSecond());
			return map;
		}
	}

	/** What the neo4j-admin launcher passes to its JVM; the importer fails without java.nio opened. */
	private static final List<String> ADMIN_JVM_ARGS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
			"--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
			"--enable-native-access=ALL-UNNAMED");

	/** Between array elements (and labels): a control character no quote or name contains. */
	private static final char ARRAY_DELIMITER = '\u001f';

	private static final SessionConfig READ = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

	private ReferenceImport() {
	}

	/** The graph as neo4j-admin reads it, in {@code home}; its numbers of nodes and relationships. */
	record Csv(Path home, List<Path> nodes, List<Path> relationships, long nodeCount, long relationshipCount,
			long dumpMs) {
	}

	/**
	 * @param source the service's driver, on the graph the service loaded
	 * @param home an empty folder: the CSV files and, later, the new database's home
	 */
	static Csv dump(Driver source, Path home) {
		try {
			Files.createDirectories(home.resolve("conf"));
			Files.writeString(home.resolve("conf/neo4j.conf"), "");
			long t0 = System.nanoTime();
			List<Path> nodes = new ArrayList<>();
			List<Path> relationships = new ArrayList<>();
			try (Session session = source.session(READ)) {
				long n = write(session, home, "nodes", "MATCH (n) RETURN id(n) AS id, labels(n) AS labels, properties(n) AS p",
						List.of(":ID", ":LABEL"), r -> List.of(r.get("id").asLong(), join(r.get("labels").asList(Value::asString))),
						nodes);
				long m = write(session, home, "relationships",
						"MATCH (a)-[r]->(b) RETURN id(a) AS a, id(b) AS b, type(r) AS type, properties(r) AS p",
						List.of(":START_ID", ":END_ID", ":TYPE"),
						r -> List.of(r.get("a").asLong(), r.get("b").asLong(), r.get("type").asString()), relationships);
				return new Csv(home, nodes, relationships, n, m, millisSince(t0));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Imports the files, starts the database on the new store, builds the schema; run with the service stopped. */
	static Result run(Csv csv, String pageCache, int boltPort) {
		try {
			long t0 = System.nanoTime();
			importer(csv.home(), csv.nodes(), csv.relationships());
			long importMs = millisSince(t0);
			for (Path file : csv.nodes()) {
				Files.delete(file);
			}
			for (Path file : csv.relationships()) {
				Files.delete(file);
			}
			t0 = System.nanoTime();
			DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(csv.home())
				.setConfig(BoltConnector.enabled, true)
				.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
				.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
				.setConfig(GraphDatabaseSettings.auth_enabled, false)
				.setConfig(GraphDatabaseSettings.udc_enabled, false)
				.build();
			try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none())) {
				driver.verifyConnectivity();
				long startMs = millisSince(t0);
				t0 = System.nanoTime();
				new SchemaRunner(driver).apply();
				long schemaMs = millisSince(t0);
				long[] imported = Bench.counts(driver);
				if (imported[0] != csv.nodeCount() || imported[1] != csv.relationshipCount()) {
					throw new IllegalStateException("The importer wrote %,d nodes and %,d relationships of %,d and %,d"
						.formatted(imported[0], imported[1], csv.nodeCount(), csv.relationshipCount()));
				}
				return new Result(imported[0], imported[1], csv.dumpMs(), importMs, startMs, schemaMs);
			}
			finally {
				dbms.shutdown();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long millisSince(long t0) {
		return (System.nanoTime() - t0) / 1_000_000;
	}

	// ---- the CSV files, in neo4j-admin's header format -----------------------------------------

	/**
	 * Writes what {@code cypher} returns (the fixed columns, then the map {@code p} of properties) into one
	 * file per set of property keys and types, each with its header: a key's type can differ between
	 * entities (a figure's value is an integer or not), and a column has one type.
	 *
	 * @return the rows written
	 */
	private static long write(Session session, Path dir, String prefix, String cypher, List<String> fixed,
			Function<Record, List<Object>> fixedValues, List<Path> files) throws IOException {
		Map<String, Writer> writers = new HashMap<>();
		long rows = 0;
		try {
			for (Record r : (Iterable<Record>) session.run(cypher).stream()::iterator) {
				Map<String, Object> properties = new TreeMap<>(r.get("p").asMap());
				List<String> header = new ArrayList<>(fixed);
				properties.forEach((key, value) -> header.add(key + ":" + type(key, value)));
				String line = String.join(",", header);
				Writer out = writers.get(line);
				if (out == null) {
					Path file = dir.resolve(prefix + "-" + writers.size() + ".csv");
					files.add(file);
					out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
					writers.put(line, out);
					out.write(line);
					out.write('\n');
				}
				List<Object> row = new ArrayList<>(fixedValues.apply(r));
				row.addAll(properties.values());
				for (int i = 0; i < row.size(); i++) {
					if (i > 0) {
						out.write(',');
					}
					out.write(field(row.get(i)));
				}
				out.write('\n');
				rows++;
			}
		}
		finally {
			for (Writer out : writers.values()) {
				out.close();
			}
		}
		return rows;
	}

	/** The header's word for a property's type. */
	private static String type(String key, Object value) {
		return switch (value) {
			case String s -> "string";
			case Long l -> "long";
			case Double d -> "double";
			case Boolean b -> "boolean";
			case LocalDate d -> "date";
			case ZonedDateTime t -> "datetime";
			case LocalDateTime t -> "localdatetime";
			case List<?> list -> (list.isEmpty() ? "string" : type(key, list.get(0))) + "[]";
			default -> throw new IllegalStateException("No CSV type for property " + key + " holding a " + value.getClass());
		};
	}

	private static String field(Object value) {
		return switch (value) {
			case null -> "";
			case String s -> quoted(s);
			case List<?> list -> quoted(join(list.stream().map(String::valueOf).toList()));
			case LocalDate date -> date.toString();
			case ZonedDateTime time -> time.toOffsetDateTime().toString();
			case LocalDateTime time -> time.toString();
			default -> String.valueOf(value);
		};
	}

	private static String join(List<String> values) {
		return String.join(String.valueOf(ARRAY_DELIMITER), values);
	}

	private static String quoted(String text) {
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	// ---- neo4j-admin -----------------------------------------------------------------------------

	private static void importer(Path home, List<Path> nodes, List<Path> relationships) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(ADMIN_JVM_ARGS);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.neo4j.cli.AdminTool", "database",
				"import", "full", "neo4j"));
		nodes.forEach(file -> command.add("--nodes=" + file));
		relationships.forEach(file -> command.add("--relationships=" + file));
		// Options last: a file list takes every argument up to the next option.
		command.addAll(List.of("--id-type=integer", "--array-delimiter=U+001F", "--multiline-fields=true"));
		Path log = home.resolveSibling(home.getFileName() + "-import.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("NEO4J_HOME", home.toString());
		builder.environment().put("NEO4J_CONF", home.resolve("conf").toString());
		try {
			int exit = builder.start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("neo4j-admin database import exited with " + exit + "; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while neo4j-admin imported", ex);
		}
	}

}
