package cn.landscape.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.landscape.entity.Kind;
import cn.landscape.evidence.Evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A small source beside the real seed, in a temporary copy: a fifth dataset needs a folder and a mapping, no
 * Java; and each kind of bad input is reported with its file, row and column. A bad row is skipped and counted;
 * a bad source is refused with the rest of the seed, so nothing of it is half-loaded.
 */
class SourceBadInputTest {

	private static final String SOURCE = """
			title: A test list of models
			publisher: The test
			url: https://example.org/list
			licence: CC0-1.0
			licenceFile: LICENSE
			attribution: "The test list"
			snapshot: {date: "2026-12-01"}
			rank: 9
			""";

	private static final String MAPPING = """
			format: csv
			file: models.csv
			key: name
			entities:
			  - name: model
			    kind: model
			    column: name
			    props:
			      releaseDate: {column: released, parse: date}
			      parameters: {column: parameters, parse: number}
			  - name: maker
			    kind: vendor
			    column: maker
			relations:
			  - name: develops
			    type: DEVELOPS
			    from: maker
			    to: model
			""";

	@TempDir
	Path seed;

	@BeforeEach
	void copySeed() throws IOException {
		SourcesTest.copy(Path.of("graph-seed"), seed);
	}

	@Test
	void a_fifth_dataset_needs_only_its_folder_and_mapping() throws IOException {
		write("name,maker,released,parameters\nTestModel-7B,深度求索,2025-01,1.3e11\n");
		SeedModel model = SeedReader.read(seed);
		SeedModel.Entity created = model.entities().stream().filter(e -> e.name().equals("TestModel-7B")).findFirst()
			.orElseThrow();
		assertThat(created.id()).isEqualTo("testmodel-7b");
		assertThat(created.props().get("parameters").value()).isEqualTo(130000000000L);
		assertThat(created.props().get("releaseDate").value()).isEqualTo("2025-01");
		assertThat(model.relations()).anySatisfy(r -> {
			assertThat(r.fromRef()).isEqualTo("vendor:deepseek");
			assertThat(r.toRef()).isEqualTo("model:testmodel-7b");
			assertThat(r.evidence()).containsExactly(Evidence.ofRow("test-list", "TestModel-7B",
					java.util.Map.of("name", "TestModel-7B", "maker", "深度求索")));
		});
		assertThat(report(model).merges()).contains(new SourceReport.Merge("深度求索", "vendor:deepseek", "curator: deepseek"));
	}

	@Test
	void an_added_document_may_name_and_state_facts_of_the_datasets_entities() throws IOException {
		Files.createDirectories(seed.resolve("documents"));
		Files.writeString(seed.resolve("documents/doc-ds.txt"), "2025年1月，深度求索发布推理模型DeepSeek-R1。");
		Files.writeString(seed.resolve("documents/doc-ds.yaml"), """
				id: doc-ds
				title: 深度求索发布新模型
				publisher: 某报
				date: "2025-01"
				mentions:
				  - {ref: vendor:deepseek, quote: "深度求索发布推理模型DeepSeek-R1"}
				relations:
				  - {type: DEVELOPS, from: vendor:deepseek, to: model:deepseek-r1, quote: "深度求索发布推理模型DeepSeek-R1"}
				""");
		SeedModel model = SeedReader.read(seed);
		assertThat(model.relations()).filteredOn(r -> r.key().equals("vendor:deepseek|DEVELOPS|model:deepseek-r1"))
			.singleElement()
			.satisfies(r -> assertThat(r.evidence()).extracting(Evidence::documentId).contains("osai-index", "doc-ds"));
	}

	@Test
	void a_cell_that_does_not_parse_skips_its_row_and_says_which_column() throws IOException {
		write("name,maker,released,parameters\nA-1,Acme,2025-01,1.3e11?\nB-1,Acme,2023-13,1\nC-1,Acme,2024,2\n");
		SeedModel model = SeedReader.read(seed);
		List<SourceReport.Skip> skipped = report(model).skipped();
		assertThat(skipped).extracting(SourceReport.Skip::reason)
			.anySatisfy(r -> assertThat(r).contains("'parameters'").contains("'1.3e11?' is not a number"))
			.anySatisfy(r -> assertThat(r).contains("'released'").contains("'2023-13' is not an ISO date"));
		assertThat(skipped).extracting(SourceReport.Skip::where).allSatisfy(w -> assertThat(w).startsWith("line "));
		assertThat(model.entities()).extracting(SeedModel.Entity::name).contains("C-1").doesNotContain("A-1", "B-1");
	}

	@Test
	void a_malformed_row_and_a_duplicate_key_are_skipped_and_counted() throws IOException {
		write("name,maker,released,parameters\nA-1,Acme,2025,1\nA-1,Other,2025,1\nB-1,Acme\n");
		SourceReport report = report(SeedReader.read(seed));
		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.skipped()).extracting(SourceReport.Skip::reason)
			.anySatisfy(r -> assertThat(r).contains("duplicate key 'A-1'"))
			.anySatisfy(r -> assertThat(r).contains("has 2 cells where the header has 4"));
	}

	@Test
	void a_column_the_mapping_names_that_the_file_lacks_refuses_the_seed() throws IOException {
		write("name,maker,released\nA-1,Acme,2025\n");
		SeedValidationException ex = catchThrowableOfType(SeedValidationException.class, () -> SeedReader.read(seed));
		assertThat(ex.errors()).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("sources/test-list/mapping.yaml");
			assertThat(e.field()).isEqualTo("parameters");
		});
	}

	@Test
	void a_mapping_with_an_unknown_kind_or_relationship_type_refuses_the_seed() throws IOException {
		write("name,maker,released,parameters\nA-1,Acme,2025,1\n");
		Files.writeString(dir().resolve("mapping.yaml"), MAPPING.replace("kind: vendor", "kind: company")
			.replace("type: DEVELOPS", "type: INVENTS"));
		SeedValidationException ex = catchThrowableOfType(SeedValidationException.class, () -> SeedReader.read(seed));
		assertThat(ex.errors()).extracting(SeedError::record, SeedError::field)
			.contains(org.assertj.core.groups.Tuple.tuple("entity maker", "kind"),
					org.assertj.core.groups.Tuple.tuple("relation develops", "type"));
	}

	@Test
	void a_relation_its_type_does_not_allow_between_those_kinds_refuses_the_seed() throws IOException {
		write("name,maker,released,parameters\nA-1,Acme,2025,1\n");
		Files.writeString(dir().resolve("mapping.yaml"), MAPPING.replace("type: DEVELOPS", "type: MADE_BY"));
		SeedValidationException ex = catchThrowableOfType(SeedValidationException.class, () -> SeedReader.read(seed));
		assertThat(ex.errors()).anySatisfy(e -> assertThat(e.message()).contains("does not start at a vendor"));
	}

	@Test
	void a_source_without_its_licence_file_is_refused() throws IOException {
		write("name,maker,released,parameters\nA-1,Acme,2025,1\n");
		Files.delete(dir().resolve("LICENSE"));
		SeedValidationException ex = catchThrowableOfType(SeedValidationException.class, () -> SeedReader.read(seed));
		assertThat(ex.errors()).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("sources/test-list/source.yaml");
			assertThat(e.field()).isEqualTo("licenceFile");
		});
	}

	@Test
	void a_curators_not_same_line_keeps_two_names_apart_that_a_rule_would_merge() throws IOException {
		write("name,maker,released,parameters\nA-1,Alibaba Group,2025,1\n");
		SeedModel merged = SeedReader.read(seed);
		assertThat(report(merged).merges()).contains(new SourceReport.Merge("Alibaba Group", "vendor:alibaba",
				"organisation-suffix"));
		Path resolution = seed.resolve(Resolution.FILE);
		Files.writeString(resolution, Files.readString(resolution) + """
				  - {name: test-apart, kind: vendor, names: [阿里巴巴, Alibaba Group], reason: "a test"}
				""");
		SeedModel apart = SeedReader.read(seed);
		assertThat(apart.entities()).anySatisfy(e -> {
			assertThat(e.kind()).isEqualTo(Kind.VENDOR);
			assertThat(e.name()).isEqualTo("Alibaba Group");
		});
		assertThat(report(apart).merges()).extracting(SourceReport.Merge::rule).contains("not-same");
	}

	private SourceReport report(SeedModel model) {
		return model.sources().stream().filter(r -> r.source().equals("test-list")).findFirst().orElseThrow();
	}

	private Path dir() {
		return seed.resolve(Sources.DIR).resolve("test-list");
	}

	private void write(String csv) throws IOException {
		Files.createDirectories(dir());
		Files.writeString(dir().resolve("source.yaml"), SOURCE);
		Files.writeString(dir().resolve("LICENSE"), "CC0 1.0\n");
		Files.writeString(dir().resolve("mapping.yaml"), MAPPING);
		Files.writeString(dir().resolve("models.csv"), csv);
	}

}
