package cn.landscape.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Relation;

import static org.assertj.core.api.Assertions.assertThat;

/** The real seed with its four open datasets: what issue 23 asks the graph to answer, read from graph-seed/. */
class SourcesTest {

	private static final SeedModel SEED = SeedReader.read(Path.of("graph-seed"));

	@Test
	void the_datasets_bring_five_hundred_models_two_hundred_organisations_and_a_hundred_chips() {
		Map<Kind, Long> counts = SEED.entities().stream().collect(Collectors.groupingBy(Entity::kind, Collectors.counting()));
		assertThat(counts.get(Kind.MODEL)).isGreaterThanOrEqualTo(500);
		assertThat(counts.get(Kind.VENDOR) + counts.get(Kind.BODY)).isGreaterThanOrEqualTo(200);
		assertThat(counts.get(Kind.CHIP)).isGreaterThanOrEqualTo(100);
	}

	@Test
	void every_relationship_a_dataset_adds_rests_on_its_rows() {
		Set<String> curated = curatedRefs();
		List<Relation> fromSources = SEED.relations()
			.stream()
			.filter(r -> !curated.contains(r.fromRef()) || !curated.contains(r.toRef())
					|| r.evidence().stream().anyMatch(Evidence::isRow))
			.toList();
		assertThat(fromSources).hasSizeGreaterThan(1000);
		long withRow = fromSources.stream().filter(r -> r.evidence().stream().anyMatch(Evidence::isRow)).count();
		assertThat(withRow * 100.0 / fromSources.size()).as("%% with row evidence").isGreaterThanOrEqualTo(98.0);
	}

	@Test
	void finance_is_served_by_the_models_the_list_files_under_金融_each_with_its_row() {
		List<Relation> finance = SEED.relations()
			.stream()
			.filter(r -> r.type() == RelType.SERVES && r.toRef().equals("industry:finance") && r.fromKind() == Kind.MODEL)
			.toList();
		assertThat(finance).hasSizeGreaterThanOrEqualTo(15).allSatisfy(r -> assertThat(r.evidence()).isNotEmpty());
		assertThat(finance.stream().filter(r -> r.evidence().stream().anyMatch(e -> e.isRow()
				&& e.documentId().equals("awesome-llms-in-china") && "金融".equals(e.cells().get("类别")))))
			.hasSizeGreaterThanOrEqualTo(15);
	}

	@Test
	void deepseek_and_深度求索_are_one_vendor_and_pangu_3_0_one_model_by_the_rules_the_report_names() {
		Entity deepseek = entity("vendor:deepseek");
		assertThat(deepseek.aliases()).contains("深度求索");
		assertThat(SEED.entities()).filteredOn(e -> e.name().equals("深度求索") || e.aliases().contains("深度求索")).hasSize(1);
		Entity pangu = entity("model:pangu-3-0");
		assertThat(pangu.name()).isEqualTo("盘古大模型3.0");
		assertThat(SEED.entities()).noneMatch(e -> e.kind() == Kind.MODEL && e.name().equals("Pangu 3.0"));
		assertThat(merges()).contains(new SourceReport.Merge("深度求索", "vendor:deepseek", "curator: deepseek"),
				new SourceReport.Merge("Pangu 3.0", "model:pangu-3-0", "name"));
		assertThat(merges()).allSatisfy(m -> assertThat(m.rule()).isNotBlank());
	}

	@Test
	void a_version_is_not_its_family() {
		assertThat(entity("model:qwen-72b").aliases()).doesNotContain("Qwen", "通义千问");
		assertThat(merges()).noneMatch(m -> m.name().equals("Qwen-72B") && m.into().equals("model:qwen"));
	}

	@Test
	void pangu_alpha_was_trained_on_ascend_910_as_epochs_row_says() {
		Relation trained = relation("model:pangu-alpha", RelType.TRAINED_ON, "chip:ascend-910");
		Evidence row = trained.evidence().stream().filter(Evidence::isRow).findFirst().orElseThrow();
		assertThat(row.documentId()).isEqualTo("epoch-models");
		assertThat(row.row()).isEqualTo("PanGu-α");
		assertThat(row.cells()).containsEntry("Training hardware", "Huawei Ascend 910")
			.containsEntry("Hardware quantity", "2048");
		assertThat(trained.props()).containsEntry("chipCount", 2048L);
	}

	@Test
	void every_row_evidence_quotes_its_cells_exactly_as_the_snapshot_holds_them() throws IOException {
		Map<String, Map<String, SourceTable.Row>> rows = new HashMap<>();
		for (SourceReport report : SEED.sources()) {
			Path dir = Path.of("graph-seed", Sources.DIR, report.source());
			SourceMapping mapping = SourceMappings.read(SeedFiles.yaml(SeedFiles.readUtf8(dir.resolve("mapping.yaml"))),
					report.source(), new java.util.ArrayList<>()).orElseThrow();
			Map<String, SourceTable.Row> byKey = new HashMap<>();
			mapping.format().read(dir.resolve(mapping.file()), mapping.file()).rows()
				.forEach(r -> byKey.putIfAbsent(r.cell(mapping.key()), r));
			rows.put(report.source(), byKey);
		}
		List<Evidence> all = new java.util.ArrayList<>();
		SEED.entities().forEach(e -> {
			all.addAll(e.evidence());
			e.props().values().forEach(f -> all.addAll(f.evidence()));
		});
		SEED.relations().forEach(r -> all.addAll(r.evidence()));
		List<Evidence> fromRows = all.stream().filter(Evidence::isRow).toList();
		assertThat(fromRows).hasSizeGreaterThan(2000);
		assertThat(fromRows).allSatisfy(e -> {
			SourceTable.Row row = rows.get(e.documentId()).get(e.row());
			assertThat(row).as(e.documentId() + " row " + e.row()).isNotNull();
			e.cells().forEach((column, cell) -> assertThat(cell).as(e.row() + " " + column).isEqualTo(row.cell(column)));
		});
	}

	@Test
	void where_sources_disagree_each_value_is_kept_with_its_row_and_the_leading_one_is_the_seeds() {
		List<SourceReport.Conflict> conflicts = SEED.sources().stream().flatMap(r -> r.conflicts().stream()).toList();
		assertThat(conflicts).isNotEmpty().allSatisfy(c -> assertThat(c.values()).hasSizeGreaterThan(1));
		SourceReport.Conflict first = conflicts.get(0);
		SeedModel.Fact fact = entity(first.entity()).props().get(first.property());
		assertThat(String.valueOf(fact.value())).isEqualTo(first.values().get(0));
		assertThat(fact.evidence()).anySatisfy(e -> assertThat(e.claim()).isIn(first.values().subList(1, first.values().size())));
	}

	@Test
	void reading_the_same_snapshots_twice_gives_the_same_graph() {
		SeedModel again = SeedReader.read(Path.of("graph-seed"));
		assertThat(again.entities()).isEqualTo(SEED.entities());
		assertThat(again.relations()).isEqualTo(SEED.relations());
	}

	@Test
	void the_report_counts_each_sources_rows_and_credits_it() {
		assertThat(SEED.sources()).extracting(SourceReport::source)
			.containsExactly("epoch-models", "epoch-hardware", "osai-index", "awesome-llms-in-china");
		assertThat(SEED.sources()).allSatisfy(r -> {
			assertThat(r.rowsTaken()).isPositive().isLessThanOrEqualTo(r.rowsRead());
			assertThat(r.attribution()).isNotBlank();
			assertThat(r.licence()).isNotBlank();
		});
		assertThat(SEED.entities()).filteredOn(e -> e.kind() == Kind.DOCUMENT && "dataset".equals(value(e, "kind")))
			.hasSize(4);
	}

	private static Object value(Entity e, String prop) {
		return e.props().containsKey(prop) ? e.props().get(prop).value() : null;
	}

	private static List<SourceReport.Merge> merges() {
		return SEED.sources().stream().flatMap(r -> r.merges().stream()).toList();
	}

	private static Set<String> curatedRefs() {
		try {
			Path empty = Files.createTempDirectory("seed-without-sources");
			copy(Path.of("graph-seed"), empty);
			org.springframework.util.FileSystemUtils.deleteRecursively(empty.resolve(Sources.DIR));
			return SeedReader.read(empty).entities().stream().map(Entity::ref).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static void copy(Path from, Path to) throws IOException {
		org.springframework.util.FileSystemUtils.copyRecursively(from, to);
	}

	private static Entity entity(String ref) {
		return SEED.entities().stream().filter(e -> e.ref().equals(ref)).findFirst().orElseThrow(() -> new AssertionError(ref));
	}

	private static Relation relation(String from, RelType type, String to) {
		return SEED.relations()
			.stream()
			.filter(r -> r.fromRef().equals(from) && r.type() == type && r.toRef().equals(to))
			.findFirst()
			.orElseThrow(() -> new AssertionError(from + " " + type + " " + to));
	}

}
