package cn.landscape.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import org.springframework.util.FileSystemUtils;

import cn.landscape.LandscapeProperties;
import cn.landscape.chip.ChipQueries;
import cn.landscape.chip.ChipQueries.ChipDependents;
import cn.landscape.industry.IndustryQueries;
import cn.landscape.schema.SchemaRunner;
import cn.landscape.seed.SeedLoader;
import cn.landscape.seed.SeedReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chip and industry questions must agree on, with the service's own Cypher, on the real seed and
 * on a generated landscape around it: chip dependencies and dependents are inverses, and the forms tuned
 * for scale answer exactly what their plain twins answer, for every industry and every chip. Page sizes
 * and walk lengths are small enough that both ways of a tuned form (walking the id index, expanding from
 * the other end) are taken, and counted, so that agreement on one way only cannot pass.
 */
class ChipAndIndustryAgreementTest {

	private static final int NO_CAP = 1_000_000;

	private static final int[] WALKS = { 3, 40, IndustryQueries.WALK };

	/**
	 * A chip with fewer relationships into its reach than the walk is answered by the plain form, and the
	 * generated landscape's chips have few: a walk of eighty is where both the walk and the expansion are
	 * taken often enough.
	 */
	private static final int[] DEPENDENT_WALKS = { 3, 80, ChipQueries.WALK };

	private static Neo4j neo4j;

	private static Driver driver;

	private static SeedLoader loader;

	@BeforeAll
	static void start() {
		neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
		driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
		SchemaRunner schema = new SchemaRunner(driver);
		schema.apply();
		loader = new SeedLoader(driver, schema, new LandscapeProperties(null, null,
				new LandscapeProperties.Seed(Path.of("graph-seed"), true, 2000), null, null), neo4j.defaultDatabaseService());
	}

	@AfterAll
	static void close() {
		driver.close();
		neo4j.close();
	}

	@Test
	void scaled_forms_and_chip_inverses_agree_on_the_real_seed_and_on_a_generated_landscape() {
		Map<String, Integer> modelWays = new HashMap<>();
		Map<String, Integer> dependentWays = new HashMap<>();
		loader.load(SeedReader.read(Path.of("graph-seed")));
		inversesAgree(5);
		modelsAgree(modelWays);
		dependentsAgree(dependentWays);
		// generated from the curated seed alone: spread over the datasets' hundred chips as well, a landscape of
		// this size gives no chip enough dependents for the walk to be taken the 20 times asked below
		loader.load(SyntheticLandscape.generate(curatedSeed(), 3000));
		inversesAgree(100);
		modelsAgree(modelWays);
		dependentsAgree(dependentWays);
		assertThat(modelWays).as("pages of models by industry answered by each way of the tuned form")
			.containsOnlyKeys("walked", "expanded")
			.allSatisfy((way, pages) -> assertThat(pages).isGreaterThanOrEqualTo(20));
		assertThat(dependentWays).as("chip dependents answered by the plain form, or of one kind found by each way")
			.containsOnlyKeys("plain", "walked", "expanded")
			.allSatisfy((way, answers) -> assertThat(answers).isGreaterThanOrEqualTo(20));
	}

	/**
	 * Chip dependencies and chip dependents answer the same relation from its two ends: the models among a
	 * chip's dependents are exactly the models whose dependencies hold the chip or a chip it substitutes for.
	 *
	 * @param atLeast pairs the graph must hold, so that agreement on an empty answer cannot pass.
	 */
	private static void inversesAgree(int atLeast) {
		Map<String, Set<String>> chipsOfModel = new TreeMap<>();
		for (String model : ids("MATCH (m:Model) RETURN m.id AS id")) {
			Set<String> chips = new TreeSet<>();
			run(ChipQueries.DEPENDENCIES, Map.of("id", model, "maxRows", NO_CAP))
				.forEach(r -> chips.add(r.get("chip").get("id").asString()));
			chipsOfModel.put(model, chips);
		}
		int pairs = chipsOfModel.values().stream().mapToInt(Set::size).sum();
		assertThat(pairs).as("model-chip dependency pairs").isGreaterThanOrEqualTo(atLeast);
		for (String chip : ids("MATCH (c:Chip) RETURN c.id AS id")) {
			Set<String> reached = new HashSet<>(ids("""
					MATCH (:Chip {id: $id})-[:SUBSTITUTES_FOR]->{0,1}(c:Chip) RETURN DISTINCT c.id AS id""", chip));
			Set<String> expected = new TreeSet<>();
			chipsOfModel.forEach((model, chips) -> {
				if (chips.stream().anyMatch(reached::contains)) {
					expected.add(model);
				}
			});
			Set<String> dependentModels = new TreeSet<>();
			scaled(chip, NO_CAP, ChipQueries.WALK).dependents()
				.stream()
				.map(ChipQueries.Dependent::node)
				.filter(node -> node.kind().equals("model"))
				.forEach(node -> dependentModels.add(node.id()));
			assertThat(dependentModels).as("models among the dependents of chip " + chip).isEqualTo(expected);
		}
	}

	private static void modelsAgree(Map<String, Integer> ways) {
		List<String> models = ids("MATCH (m:Model) RETURN m.id AS id ORDER BY id");
		for (String industry : ids("MATCH (i:Industry) RETURN i.id AS id")) {
			Set<String> direct = new TreeSet<>(ids("MATCH (:Industry {id: $id})<-[:SERVES]-(m:Model) RETURN m.id AS id", industry));
			for (boolean general : new boolean[] { false, true }) {
				for (int[] page : new int[][] { { 0, 1 }, { 2, 3 }, { 0, 50 } }) {
					Map<String, Object> parameters = Map.of("industry", industry, "includeGeneral", general, "offset", page[0],
							"limit", page[1]);
					List<Map<String, Object>> plain = maps(IndustryQueries.MODELS, parameters);
					for (int walk : WALKS) {
						Map<String, Object> scaled = new HashMap<>(parameters);
						scaled.put("window", page[0] + page[1]);
						scaled.put("walk", walk);
						assertThat(maps(IndustryQueries.MODELS_AT_SCALE, scaled)).as("%s walking %d", parameters, walk)
							.isEqualTo(plain);
						// As the tuned form decides: the walk's answer stands when it fills the window or read every model.
						long inWalk = models.stream().limit(walk).filter(direct::contains).count();
						ways.merge(inWalk >= page[0] + page[1] || models.size() <= walk ? "walked" : "expanded", 1,
								Integer::sum);
					}
				}
			}
		}
	}

	private static void dependentsAgree(Map<String, Integer> ways) {
		for (String chip : ids("MATCH (c:Chip) RETURN c.id AS id")) {
			for (int maxRows : new int[] { 1, 4, 500 }) {
				ChipDependents plain = plain(chip, maxRows);
				for (int walk : DEPENDENT_WALKS) {
					List<String> ran = new ArrayList<>();
					ChipDependents scaled = ChipQueries.dependentsAtScale((cypher, parameters) -> {
						ran.add(cypher);
						return run(cypher, parameters);
					}, chip, maxRows, walk).orElseThrow();
					String as = "dependents of %s, %d rows, walking %d".formatted(chip, maxRows, walk);
					assertThat(scaled.chip()).as(as).isEqualTo(plain.chip());
					assertThat(scaled.makers()).as(as).isEqualTo(plain.makers());
					assertThat(scaled.restrictions()).as(as).isEqualTo(plain.restrictions());
					assertThat(scaled.substitutesFor()).as(as).isEqualTo(plain.substitutesFor());
					assertThat(scaled.substitutes()).as(as).isEqualTo(plain.substitutes());
					assertThat(summary(scaled)).as(as).isEqualTo(summary(plain));
					way(ran).forEach(w -> ways.merge(w, 1, Integer::sum));
				}
			}
		}
	}

	/**
	 * The way each kind's answer came, from the statements run in order: the plain form for all kinds, or
	 * per kind a walk ("LIMIT $walk"), which stands unless an expansion follows it; the estimate
	 * ("AS sizes") and the page ($deps) are neither; the other statements are expansions.
	 */
	private static List<String> way(List<String> ran) {
		if (ran.contains(ChipQueries.DEPENDENTS)) {
			return List.of("plain");
		}
		List<String> ways = new ArrayList<>();
		boolean walked = false;
		for (String cypher : ran) {
			boolean walk = cypher.contains("LIMIT $walk");
			boolean expand = !walk && !cypher.contains("AS sizes") && !cypher.contains("$deps");
			if (walked && !expand) {
				ways.add("walked");
			}
			if (expand) {
				ways.add("expanded");
			}
			walked = walk;
		}
		return ways;
	}

	private static ChipDependents plain(String chip, int maxRows) {
		return ChipQueries.dependents(run(ChipQueries.DEPENDENTS, Map.of("id", chip, "maxRows", maxRows)).getFirst());
	}

	private static ChipDependents scaled(String chip, int maxRows, int walk) {
		return ChipQueries.dependentsAtScale(ChipAndIndustryAgreementTest::run, chip, maxRows, walk).orElseThrow();
	}

	/**
	 * Each dependent with its number of paths (up to five) and, when it has fewer than five, the chips they
	 * end at; which five of more is not fixed.
	 */
	private static List<String> summary(ChipDependents dependents) {
		return dependents.dependents()
			.stream()
			.map(d -> d.node() + " " + d.paths().size() + " " + (d.paths().size() == 5 ? "of more"
					: new TreeSet<>(d.paths().stream().map(path -> path.getLast().to().id()).toList())))
			.toList();
	}

	private static List<Map<String, Object>> maps(String cypher, Map<String, Object> parameters) {
		return run(cypher, parameters).stream().map(Record::asMap).toList();
	}

	private static List<String> ids(String cypher) {
		return run(cypher, Map.of()).stream().map(r -> r.get("id").asString()).toList();
	}

	private static List<String> ids(String cypher, String id) {
		return run(cypher, Map.of("id", id)).stream().map(r -> r.get("id").asString()).toList();
	}

	private static List<Record> run(String cypher, Map<String, Object> parameters) {
		return driver.executableQuery(cypher).withParameters(parameters).execute().records();
	}

	/** A copy of graph-seed/ without the open datasets of sources/. */
	private static Path curatedSeed() {
		try {
			Path copy = Files.createTempDirectory("curated-seed");
			FileSystemUtils.copyRecursively(Path.of("graph-seed"), copy);
			FileSystemUtils.deleteRecursively(copy.resolve("sources"));
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
