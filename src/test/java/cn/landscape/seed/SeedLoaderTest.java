package cn.landscape.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import cn.landscape.LandscapeProperties;
import cn.landscape.schema.SchemaRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader on its own database (not the one the API tests share), with copies of the real seed. */
class SeedLoaderTest {

	private static Neo4j neo4j;

	private static Driver driver;

	/** In-process, as with the embedded database (the default). */
	private static SeedLoader loader;

	/** Over Bolt, as with an external database. */
	private static SeedLoader boltLoader;

	@TempDir
	Path copy;

	@BeforeAll
	static void database() {
		neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
		driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
		SchemaRunner schema = new SchemaRunner(driver);
		schema.apply();
		LandscapeProperties properties = new LandscapeProperties(null, null,
				new LandscapeProperties.Seed(Path.of("graph-seed"), true, 100), null, null);
		loader = new SeedLoader(driver, schema, properties, neo4j.defaultDatabaseService());
		boltLoader = new SeedLoader(driver, schema, properties, (GraphDatabaseService) null);
	}

	@AfterAll
	static void close() {
		driver.close();
		neo4j.close();
	}

	@BeforeEach
	void copySeed() throws IOException {
		driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
		try (Stream<Path> files = Files.walk(Path.of("graph-seed"))) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(Path.of("graph-seed").relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	private long count(String cypher, Map<String, Object> params) {
		return driver.executableQuery(cypher).withParameters(params).execute().records().getFirst().get(0).asLong();
	}

	@Test
	void second_load_of_the_same_seed_changes_nothing_and_says_so() {
		SeedModel seed = SeedReader.read(copy);
		LoadReport first = loader.load(seed);
		assertThat(first.nodes().created()).isEqualTo(seed.entities().size());
		assertThat(first.relationships().created()).isGreaterThan(seed.relations().size());
		LoadReport again = loader.load(seed);
		assertThat(again.changedNothing()).isTrue();
		assertThat(again.nodes().unchanged()).isEqualTo(seed.entities().size());
		assertThat(again.relationships().unchanged()).isEqualTo(first.relationships().created());
		assertThat(again.toString()).contains("(no change)");
	}

	@Test
	void load_over_bolt_writes_what_the_in_process_load_writes() {
		SeedModel seed = SeedReader.read(copy);
		LoadReport overBolt = boltLoader.load(seed);
		assertThat(overBolt.nodes().created()).isEqualTo(seed.entities().size());
		long relationships = count("MATCH ()-[r]->() RETURN count(r)", Map.of());
		assertThat(relationships).isEqualTo(overBolt.relationships().created());
		LoadReport inProcess = loader.load(seed);
		assertThat(inProcess.changedNothing()).isTrue();
		assertThat(inProcess.relationships().unchanged()).isEqualTo(relationships);
	}

	@Test
	void fresh_in_process_load_stores_exactly_what_the_cypher_load_stores() {
		SeedModel seed = SeedReader.read(copy);
		boltLoader.load(seed);
		List<Map<String, Object>> overBolt = dump();
		driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
		LoadReport inProcess = loader.load(seed);
		assertThat(inProcess.nodes().created()).isEqualTo(seed.entities().size());
		assertThat(dump()).hasSize(overBolt.size()).isEqualTo(overBolt);
	}

	/** Every node and relationship with its labels or type and all its properties, in a fixed order. */
	private List<Map<String, Object>> dump() {
		return driver.executableQuery("""
				MATCH (n) WHERE NOT n:SeedState
				RETURN n.id AS key, labels(n) AS what, properties(n) AS props
				UNION ALL
				MATCH (a)-[r]->(b)
				RETURN labels(a)[0] + ':' + a.id + '|' + labels(b)[0] + ':' + b.id AS key, [type(r)] AS what, properties(r) AS props
				""").execute().records().stream()
			.map(r -> Map.<String, Object>of("key", r.get("key").asString(), "what", r.get("what").asList(),
					"props", r.get("props").asMap()))
			.sorted(java.util.Comparator.comparing((Map<String, Object> m) -> m.get("key").toString())
				.thenComparing(m -> m.get("what").toString()))
			.toList();
	}

	@Test
	void fact_removed_from_the_seed_disappears_from_the_graph() throws IOException {
		loader.load(SeedReader.read(copy));
		String fact = "MATCH (:Policy {id: 'high-end-ai-chip-export-controls'})-[r:RESTRICTS]->(:Chip {id: 'a100'}) RETURN count(r)";
		assertThat(count(fact, Map.of())).isEqualTo(1);
		Path restricts = copy.resolve("relations/restricts.yaml");
		List<?> records = new org.yaml.snakeyaml.Yaml().load(Files.readString(restricts));
		List<?> kept = records.stream().filter(r -> !String.valueOf(((Map<?, ?>) r).get("to")).equals("chip:a100")).toList();
		assertThat(kept).hasSize(records.size() - 1);
		Files.writeString(restricts, new org.yaml.snakeyaml.Yaml().dump(kept));
		LoadReport report = loader.load(SeedReader.read(copy));
		assertThat(report.relationships().removed()).isEqualTo(1);
		assertThat(count(fact, Map.of())).isZero();
	}

	@Test
	void entity_removed_from_the_seed_disappears_with_its_relationships() throws IOException {
		loader.load(SeedReader.read(copy));
		Path serves = copy.resolve("relations/serves.yaml");
		Files.writeString(serves, "[]\n");
		LoadReport report = loader.load(SeedReader.read(copy));
		assertThat(report.relationships().removed()).isPositive();
		// what the open datasets state stays: their facts rest on their rows, not on serves.yaml
		assertThat(count("MATCH ()-[r:SERVES]->() WHERE r.evidenceRows IS NULL RETURN count(r)", Map.of())).isZero();
		assertThat(count("MATCH ()-[r:SERVES]->() WHERE all(row IN r.evidenceRows WHERE row <> '') RETURN count(r)",
				Map.of())).isPositive();
	}

	@Test
	void changed_property_is_counted_as_updated_and_written() throws IOException {
		loader.load(SeedReader.read(copy));
		Path chips = copy.resolve("entities/chips.yaml");
		Files.writeString(chips, Files.readString(chips).replace("value: 7nm", "value: 5nm"));
		LoadReport report = loader.load(SeedReader.read(copy));
		assertThat(report.nodes().updated()).isEqualTo(1);
		assertThat(count("MATCH (c:Chip {id: 'ascend-910'}) WHERE c.process = '5nm' RETURN count(c)", Map.of())).isEqualTo(1);
	}

	@Test
	void invalid_seed_writes_nothing_and_the_graph_stays_as_it_was() throws IOException {
		SeedService service = new SeedService(new LandscapeProperties(null, null,
				new LandscapeProperties.Seed(copy, true, 100), null, null), loader);
		service.load();
		long nodes = count("MATCH (n) RETURN count(n)", Map.of());
		long serves = count("MATCH ()-[r:SERVES]->() RETURN count(r)", Map.of());
		Files.writeString(copy.resolve("relations/serves.yaml"), "- {from: model:nothing, to: industry:finance}\n");
		Files.writeString(copy.resolve("entities/chips.yaml"), Files.readString(copy.resolve("entities/chips.yaml")).replace("value: 7nm", "value: 5nm"));
		assertThatThrownBy(() -> service.load()).isInstanceOf(SeedValidationException.class)
			.hasMessageContaining("relations/serves.yaml");
		assertThat(count("MATCH (n) RETURN count(n)", Map.of())).isEqualTo(nodes);
		assertThat(count("MATCH ()-[r:SERVES]->() RETURN count(r)", Map.of())).isEqualTo(serves);
		assertThat(count("MATCH (c:Chip {id: 'ascend-910'}) WHERE c.process = '7nm' RETURN count(c)", Map.of())).isEqualTo(1);
	}

	@Test
	void a_newer_snapshot_shows_its_rows_added_changed_and_removed_before_a_load_applies_it() throws IOException {
		loader.load(SeedReader.read(copy));
		SourceDiffs diffs = new SourceDiffs(driver);
		assertThat(diffs.diff(SeedReader.read(copy))).hasSize(4).allSatisfy(d -> assertThat(d.unchanged()).isTrue());

		Path hardware = copy.resolve("sources/epoch-hardware/hardware.csv");
		List<String> lines = Files.readAllLines(hardware);
		String removed = lines.stream().filter(l -> l.startsWith("NVIDIA B100,")).findFirst().orElseThrow();
		String changed = lines.stream().filter(l -> l.startsWith("NVIDIA B200,")).findFirst().orElseThrow();
		List<String> newer = new java.util.ArrayList<>(lines.stream().filter(l -> l != removed && l != changed).toList());
		newer.add(changed.replace(",N,N,", ",Y,N,"));
		newer.add("Test Accelerator X1,TestMaker,NPU,2026-01-02,Y,Y,,,,,,,,");
		Files.write(hardware, newer);

		SourceDiffs.SourceDiff diff = diffs.diff(SeedReader.read(copy)).stream()
			.filter(d -> d.source().equals("epoch-hardware")).findFirst().orElseThrow();
		assertThat(diff.added()).containsExactly("Test Accelerator X1");
		assertThat(diff.changed()).containsExactly("NVIDIA B200");
		assertThat(diff.removed()).containsExactly("NVIDIA B100");
		assertThat(count("MATCH (c:Chip {id: 'nvidia-b100'}) RETURN count(c)", Map.of())).isOne();

		loader.load(SeedReader.read(copy));
		assertThat(diffs.diff(SeedReader.read(copy))).allSatisfy(d -> assertThat(d.unchanged()).isTrue());
		// the row was the chip's only evidence: it goes, and the new one comes, with their MADE_BY
		assertThat(count("MATCH (c:Chip {id: 'nvidia-b100'}) RETURN count(c)", Map.of())).isZero();
		assertThat(count("MATCH (:Chip {id: 'test-accelerator-x1'})-[:MADE_BY]->(:Vendor {id: 'testmaker'}) RETURN count(*)",
				Map.of())).isOne();
		assertThat(count("MATCH (c:Chip {id: 'nvidia-b200'}) WHERE c.generallyAvailable RETURN count(c)", Map.of())).isOne();
	}

	@Test
	void a_row_removed_from_a_snapshot_takes_away_what_only_it_held_and_keeps_what_another_source_names() throws IOException {
		Path models = copy.resolve("sources/epoch-models/models.csv");
		loader.load(SeedReader.read(copy));
		String develops = "MATCH (:Vendor {id: 'deepseek'})-[r:DEVELOPS]->(:Model {id: 'deepseek-coder-v2-instruct-0724'}) "
				+ "RETURN size(r.evidenceDocs)";
		long before = count(develops, Map.of());
		// the index states it too; Epoch does not name this model, so drop a DeepSeek row Epoch alone holds instead
		Files.write(models, Files.readAllLines(models).stream().filter(l -> !l.startsWith("DeepSeek-V2,")).toList());
		loader.load(SeedReader.read(copy));
		assertThat(count("MATCH (m:Model {id: 'deepseek-v2'}) RETURN count(m)", Map.of()))
			.as("DeepSeek-V2 is still named by the index as a base model").isOne();
		assertThat(count("MATCH (:Vendor {id: 'deepseek'})-[r:DEVELOPS]->(:Model {id: 'deepseek-v2'}) RETURN count(r)",
				Map.of())).as("only Epoch's row said DeepSeek develops it").isZero();
		assertThat(count(develops, Map.of())).isEqualTo(before);
	}

}
