package cn.landscape.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.landscape.evidence.Evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The validator's error cases, each on a small seed written to a temporary folder: a valid base seed with one
 * file changed. Each error must name the file, the record and the field.
 */
class SeedValidatorTest {

	private static final String DOCUMENTS = """
			- id: doc-a
			  sourceFile: a.txt
			  title: 文档 A
			  date: "2024-03"
			""";

	private static final String VENDORS = """
			- id: iflytek
			  name: 科大讯飞
			  aliases: [讯飞公司]
			  evidence:
			    - {doc: doc-a, quote: "科大讯飞"}
			- id: baidu
			  name: 百度
			  evidence:
			    - {doc: doc-a, quote: "百度"}
			""";

	private static final String MODELS = """
			- id: spark
			  name: 讯飞星火
			  evidence:
			    - {doc: doc-a, quote: "讯飞星火"}
			  props:
			    type:
			      value: general
			      evidence:
			        - {doc: doc-a, quote: "通用大模型"}
			    releaseDate:
			      value: "2023-05"
			      evidence:
			        - {doc: doc-a, quote: "2023 年 5 月"}
			""";

	private static final String REGIONS = """
			- id: china
			  name: 中国
			  props: {level: country}
			  evidence:
			    - {doc: doc-a, quote: "中国"}
			- id: beijing
			  name: 北京
			  props: {level: city}
			  evidence:
			    - {doc: doc-a, quote: "北京"}
			""";

	private static final String DEVELOPS = """
			- from: vendor:iflytek
			  to: model:spark
			  evidence:
			    - {doc: doc-a, quote: "科大讯飞的讯飞星火"}
			""";

	private static final String PART_OF_REGIONS = """
			- from: region:beijing
			  to: region:china
			  curated: true
			""";

	@TempDir
	Path dir;

	private final Map<String, String> files = new LinkedHashMap<>();

	@BeforeEach
	void baseSeed() {
		files.put("documents.yaml", DOCUMENTS);
		files.put("entities/vendors.yaml", VENDORS);
		files.put("entities/models.yaml", MODELS);
		files.put("entities/regions.yaml", REGIONS);
		files.put("relations/develops.yaml", DEVELOPS);
		files.put("relations/part-of-regions.yaml", PART_OF_REGIONS);
	}

	@Test
	void the_base_seed_of_these_tests_is_valid() throws IOException {
		SeedModel seed = SeedReader.read(write());
		assertThat(seed.entities()).hasSize(6);
		assertThat(seed.relations()).hasSize(2);
	}

	@Test
	void record_without_id_is_reported_with_file_record_and_field() throws IOException {
		replace("entities/vendors.yaml", "- id: baidu\n  name: 百度", "- name: 百度");
		assertSingleError("entities/vendors.yaml", "#2", "id", "required");
	}

	@Test
	void id_that_is_not_a_url_safe_slug_is_reported() throws IOException {
		replace("entities/vendors.yaml", "id: baidu", "id: Baidu_Inc");
		assertSingleError("entities/vendors.yaml", "#2", "id", "slug");
	}

	@Test
	void duplicate_id_within_a_kind_is_reported() throws IOException {
		replace("entities/vendors.yaml", "id: baidu", "id: iflytek");
		assertSingleError("entities/vendors.yaml", "id=iflytek", "id", "duplicate id");
	}

	@Test
	void same_id_in_two_kinds_is_allowed() throws IOException {
		replace("entities/models.yaml", "id: spark", "id: baidu");
		replace("relations/develops.yaml", "model:spark", "model:baidu");
		assertThat(SeedReader.read(write()).entities()).hasSize(6);
	}

	@Test
	void relation_to_unknown_entity_is_reported_with_file_record_and_field() throws IOException {
		replace("relations/develops.yaml", "to: model:spark", "to: model:ernie");
		assertSingleError("relations/develops.yaml", "#1 (vendor:iflytek -> model:ernie)", "to",
				"'model:ernie' does not resolve");
	}

	@Test
	void alias_shared_by_two_entities_of_a_kind_is_reported() throws IOException {
		replace("entities/vendors.yaml", "  name: 百度\n", "  name: 百度\n  aliases: [讯飞公司]\n");
		SeedValidationException ex = invalid();
		assertThat(ex.errors()).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("entities/vendors.yaml");
			assertThat(e.field()).isEqualTo("aliases");
			assertThat(e.message()).contains("讯飞公司").contains("also an alias of vendor:");
		});
	}

	@Test
	void alias_equal_to_the_name_of_another_entity_of_the_kind_is_reported() throws IOException {
		replace("entities/vendors.yaml", "aliases: [讯飞公司]", "aliases: [百度]");
		assertSingleError("entities/vendors.yaml", "id=iflytek", "aliases", "is the name of vendor:baidu");
	}

	@Test
	void entity_without_evidence_is_reported() throws IOException {
		replace("entities/vendors.yaml", "  evidence:\n    - {doc: doc-a, quote: \"百度\"}\n", "");
		assertSingleError("entities/vendors.yaml", "#2 (id=baidu)", "evidence", "evidence is required");
	}

	@Test
	void property_without_evidence_is_reported() throws IOException {
		replace("entities/models.yaml", """
				      value: "2023-05"
				      evidence:
				        - {doc: doc-a, quote: "2023 年 5 月"}
				""", """
				      value: "2023-05"
				""");
		assertSingleError("entities/models.yaml", "#1 (id=spark)", "props.releaseDate.evidence",
				"evidence is required");
	}

	@Test
	void relation_without_evidence_is_reported() throws IOException {
		replace("relations/develops.yaml", "  evidence:\n    - {doc: doc-a, quote: \"科大讯飞的讯飞星火\"}\n", "");
		assertSingleError("relations/develops.yaml", "#1 (vendor:iflytek -> model:spark)", "evidence",
				"evidence is required");
	}

	@Test
	void evidence_with_an_empty_quote_is_reported() throws IOException {
		replace("entities/vendors.yaml", "quote: \"百度\"", "quote: \"  \"");
		assertSingleError("entities/vendors.yaml", "#2 (id=baidu)", "evidence[0].quote", "verbatim quote");
	}

	@Test
	void evidence_citing_an_unknown_document_is_reported() throws IOException {
		replace("entities/vendors.yaml", "{doc: doc-a, quote: \"百度\"}", "{doc: doc-z, quote: \"百度\"}");
		assertSingleError("entities/vendors.yaml", "#2 (id=baidu)", "evidence[0].doc", "'doc-z' is not a document id");
	}

	@Test
	void date_that_is_not_iso_is_reported() throws IOException {
		replace("entities/models.yaml", "value: \"2023-05\"", "value: \"2023年5月\"");
		assertSingleError("entities/models.yaml", "#1 (id=spark)", "props.releaseDate", "not an ISO date");
	}

	@Test
	void impossible_month_is_not_an_iso_date() throws IOException {
		replace("entities/models.yaml", "value: \"2023-05\"", "value: \"2023-13\"");
		assertSingleError("entities/models.yaml", "#1 (id=spark)", "props.releaseDate", "not an ISO date");
	}

	@Test
	void document_date_that_is_not_iso_is_reported() throws IOException {
		replace("documents.yaml", "date: \"2024-03\"", "date: \"March 2024\"");
		assertSingleError("documents.yaml", "#1 (id=doc-a)", "date", "not an ISO date");
	}

	@Test
	void wrong_kind_at_a_relation_end_is_reported() throws IOException {
		replace("relations/develops.yaml", "from: vendor:iflytek\n  to: model:spark",
				"from: model:spark\n  to: vendor:iflytek");
		SeedValidationException ex = invalid();
		assertThat(ex.errors()).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("relations/develops.yaml");
			assertThat(e.record()).isEqualTo("#1 (model:spark -> vendor:iflytek)");
			assertThat(e.field()).isEqualTo("from");
			assertThat(e.message()).contains("a model is not allowed here");
		});
		assertThat(ex.errors()).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("to");
			assertThat(e.message()).contains("a vendor is not allowed here");
		});
	}

	@Test
	void invalid_yaml_is_reported_with_its_file() throws IOException {
		files.put("entities/vendors.yaml", "- id: iflytek\n  name: [科大讯飞\n  evidence: {\n");
		SeedValidationException ex = invalid();
		assertThat(ex.errors()).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("entities/vendors.yaml");
			assertThat(e.message()).contains("not valid YAML");
		});
	}

	@Test
	void file_that_is_not_a_list_of_records_is_reported() throws IOException {
		files.put("entities/regions.yaml", "id: china\nname: 中国\n");
		files.put("relations/part-of-regions.yaml", "");
		SeedValidationException ex = invalid();
		assertThat(ex.errors()).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("entities/regions.yaml");
			assertThat(e.message()).contains("YAML list of records");
		});
	}

	@Test
	void unknown_field_is_reported() throws IOException {
		replace("entities/vendors.yaml", "  name: 百度\n", "  name: 百度\n  colour: red\n");
		assertSingleError("entities/vendors.yaml", "#2 (id=baidu)", "colour", "unknown field");
	}

	@Test
	void unknown_field_in_a_relation_is_reported() throws IOException {
		replace("relations/develops.yaml", "  to: model:spark\n", "  to: model:spark\n  weight: 3\n");
		assertSingleError("relations/develops.yaml", "#1 (vendor:iflytek -> model:spark)", "weight", "unknown field");
	}

	@Test
	void unknown_relationship_file_is_reported() throws IOException {
		files.put("relations/acquires.yaml", DEVELOPS);
		assertSingleError("relations/acquires.yaml", "-", null, "unknown relationship type 'acquires'");
	}

	@Test
	void curated_relation_outside_region_part_of_is_reported() throws IOException {
		files.put("relations/develops.yaml", """
				- from: vendor:iflytek
				  to: model:spark
				  curated: true
				""");
		assertSingleError("relations/develops.yaml", "#1 (vendor:iflytek -> model:spark)", "curated",
				"only region containment may be `curated: true`");
	}

	@Test
	void curated_part_of_between_vendors_is_reported() throws IOException {
		files.put("relations/part-of.yaml", """
				- from: vendor:baidu
				  to: vendor:iflytek
				  curated: true
				""");
		assertSingleError("relations/part-of.yaml", "#1 (vendor:baidu -> vendor:iflytek)", "curated",
				"only region containment");
	}

	@Test
	void curated_entity_that_is_not_a_region_is_reported() throws IOException {
		replace("entities/vendors.yaml", "  name: 百度\n  evidence:\n    - {doc: doc-a, quote: \"百度\"}\n",
				"  name: 百度\n  curated: true\n");
		assertSingleError("entities/vendors.yaml", "#2 (id=baidu)", "curated", "only regions");
	}

	@Test
	void model_without_type_is_reported() throws IOException {
		replace("entities/models.yaml", "      value: general\n", "      value: cloud\n");
		assertSingleError("entities/models.yaml", "#1 (id=spark)", "props.type", "'cloud' is not one of");
	}

	@Test
	void the_same_fact_twice_is_reported() throws IOException {
		files.put("relations/develops.yaml", DEVELOPS + DEVELOPS.replace("科大讯飞的讯飞星火", "讯飞星火"));
		assertSingleError("relations/develops.yaml", "#2 (vendor:iflytek -> model:spark)", null,
				"the same fact is already at relations/develops.yaml #1");
	}

	@Test
	void several_errors_are_all_reported_together_each_naming_file_record_and_field() throws IOException {
		replace("entities/vendors.yaml", "- id: baidu\n  name: 百度", "- name: 百度");
		replace("entities/models.yaml", "value: \"2023-05\"", "value: \"May 2023\"");
		replace("relations/develops.yaml", "to: model:spark", "to: model:ernie");
		replace("documents.yaml", "  title: 文档 A\n", "  title: 文档 A\n  author: 某人\n");

		SeedValidationException ex = invalid();

		assertThat(ex.errors()).extracting(SeedError::file, SeedError::record, SeedError::field)
			.contains(org.assertj.core.groups.Tuple.tuple("entities/vendors.yaml", "#2", "id"),
					org.assertj.core.groups.Tuple.tuple("entities/models.yaml", "#1 (id=spark)", "props.releaseDate"),
					org.assertj.core.groups.Tuple.tuple("relations/develops.yaml",
							"#1 (vendor:iflytek -> model:ernie)", "to"),
					org.assertj.core.groups.Tuple.tuple("documents.yaml", "#1 (id=doc-a)", "author"));
		assertThat(ex.errors()).hasSize(4);
		assertThat(ex.getMessage()).startsWith("4 error(s) in the seed, nothing was written")
			.contains("entities/vendors.yaml #2 field 'id'")
			.contains("entities/models.yaml #1 (id=spark) field 'props.releaseDate'")
			.contains("relations/develops.yaml #1 (vendor:iflytek -> model:ernie) field 'to'")
			.contains("documents.yaml #1 (id=doc-a) field 'author'");
	}

	@Test
	void curated_property_keeps_its_reason_and_needs_no_quote() throws IOException {
		replace("entities/models.yaml", "      value: general\n      evidence:\n        - {doc: doc-a, quote: \"通用大模型\"}\n",
				"      value: general\n      curated: \"no document classifies it\"\n");
		SeedModel.Fact type = entity(SeedReader.read(write()), "spark").props().get("type");
		assertThat(type.curated()).isEqualTo("no document classifies it");
		assertThat(type.evidence()).singleElement()
			.satisfies(e -> assertThat(e.documentId()).isNull())
			.satisfies(e -> assertThat(e.curated()).isEqualTo("no document classifies it"));
	}

	@Test
	void inferred_property_keeps_its_anchoring_quote_and_carries_the_reason() throws IOException {
		replace("entities/models.yaml", "      value: \"2023-05\"\n",
				"      value: \"2023-05\"\n      curated: \"the year is inferred from the article's date\"\n");
		SeedModel.Fact date = entity(SeedReader.read(write()), "spark").props().get("releaseDate");
		assertThat(date.evidence()).singleElement().satisfies(e -> {
			assertThat(e.quote()).isEqualTo("2023 年 5 月");
			assertThat(e.curated()).isEqualTo("the year is inferred from the article's date");
		});
	}

	@Test
	void curated_property_without_a_reason_is_reported() throws IOException {
		replace("entities/models.yaml", "      value: general\n      evidence:\n        - {doc: doc-a, quote: \"通用大模型\"}\n",
				"      value: general\n      curated: true\n");
		assertSingleError("entities/models.yaml", "#1 (id=spark)", "props.type.curated", "must be the reason");
	}

	@Test
	void curated_relation_with_a_reason_keeps_its_quote_and_reason() throws IOException {
		files.put("relations/part-of.yaml", """
				- from: vendor:baidu
				  to: vendor:iflytek
				  curated: "read from the two names"
				  evidence:
				    - {doc: doc-a, quote: "百度"}
				""");
		SeedModel.Relation partOf = SeedReader.read(write()).relations()
			.stream()
			.filter(r -> r.type() == cn.landscape.entity.RelType.PART_OF && r.fromId().equals("baidu"))
			.findFirst()
			.orElseThrow();
		assertThat(partOf.curated()).isTrue();
		assertThat(partOf.evidence()).singleElement()
			.satisfies(e -> assertThat(e.curated()).isEqualTo("read from the two names"));
	}

	@Test
	void curated_relation_outside_region_containment_still_needs_its_anchoring_quote() throws IOException {
		files.put("relations/part-of.yaml", """
				- from: vendor:baidu
				  to: vendor:iflytek
				  curated: "read from the two names"
				""");
		assertSingleError("relations/part-of.yaml", "#1 (vendor:baidu -> vendor:iflytek)", "evidence",
				"evidence is required");
	}

	@Test
	void a_derived_document_names_its_source_and_may_name_an_entity() throws IOException {
		files.put("documents.yaml", DOCUMENTS + """
				- id: doc-b
				  sourceFile: b.txt
				  title: 文档 B 的摘要
				  derivedFrom: doc-a
				""");
		replace("entities/vendors.yaml", "    - {doc: doc-a, quote: \"百度\"}\n",
				"    - {doc: doc-a, quote: \"百度\"}\n    - {doc: doc-b, quote: \"百度\"}\n");
		SeedModel seed = SeedReader.read(write());
		assertThat(entity(seed, "baidu").evidence()).extracting(Evidence::documentId).containsExactly("doc-a", "doc-b");
		assertThat(entity(seed, "doc-b").props().get("derivedFrom").value()).isEqualTo("doc-a");
	}

	@Test
	void a_fact_resting_only_on_derived_text_is_reported() throws IOException {
		files.put("documents.yaml", DOCUMENTS + """
				- id: doc-b
				  sourceFile: b.txt
				  title: 文档 B
				  derivedParts:
				    - {section: 机器摘要, startsAt: "关键词:"}
				""");
		replace("relations/develops.yaml", "{doc: doc-a, quote: \"科大讯飞的讯飞星火\"}",
				"{doc: doc-b, quote: \"科大讯飞的讯飞星火\", section: 机器摘要}");
		assertSingleError("relations/develops.yaml", "#1 (vendor:iflytek -> model:spark)", "evidence",
				"cites only machine-written text");
	}

	@Test
	void derived_document_naming_an_unknown_source_is_reported() throws IOException {
		replace("documents.yaml", "  title: 文档 A\n", "  title: 文档 A\n  derivedFrom: doc-z\n");
		assertSingleError("documents.yaml", "(id=doc-a)", "derivedFrom", "must be the id of another document");
	}

	@Test
	void name_shared_by_entities_of_two_kinds_is_reported() throws IOException {
		replace("entities/vendors.yaml", "aliases: [讯飞公司]", "aliases: [讯飞公司, 讯飞星火]");
		assertSingleError("entities/vendors.yaml", "(id=iflytek)", "aliases", "also names model:spark");
	}

	@Test
	void name_shared_across_kinds_is_allowed_when_the_ambiguity_is_marked() throws IOException {
		replace("entities/vendors.yaml", "aliases: [讯飞公司]", "aliases: [讯飞公司, 讯飞星火]\n  ambiguousWith: [model:spark]");
		SeedModel.Fact marked = entity(SeedReader.read(write()), "iflytek").props().get("ambiguousWith");
		assertThat(marked.value()).isEqualTo(List.of("model:spark"));
		assertThat(marked.curated()).isNotBlank();
	}

	@Test
	void entity_without_relationships_is_a_warning_unless_a_note_says_why() throws IOException {
		SeedModel seed = SeedReader.read(write());
		assertThat(seed.warnings()).singleElement().satisfies(w -> {
			assertThat(w.file()).isEqualTo("entities/vendors.yaml");
			assertThat(w.record()).contains("id=baidu");
			assertThat(w.message()).contains("no relationship");
		});
		replace("entities/vendors.yaml", "  name: 百度\n", "  name: 百度\n  unlinked: \"named only in passing\"\n");
		assertThat(SeedReader.read(write()).warnings()).isEmpty();
	}

	@Test
	void model_deployment_outside_the_allowlist_is_reported() throws IOException {
		replace("entities/models.yaml", "    releaseDate:\n",
				"    deployment:\n      value: on-device\n      evidence:\n        - {doc: doc-a, quote: \"端侧\"}\n    releaseDate:\n");
		assertSingleError("entities/models.yaml", "#1 (id=spark)", "props.deployment", "'on-device' is not one of");
	}

	@Test
	void industry_without_sector_is_reported() throws IOException {
		files.put("entities/industries.yaml", """
				- id: finance
				  name: 金融
				  evidence:
				    - {doc: doc-a, quote: "金融"}
				""");
		assertSingleError("entities/industries.yaml", "#1 (id=finance)", "props.sector", "required");
	}

	@Test
	void version_of_between_two_kinds_is_reported() throws IOException {
		files.put("entities/chips.yaml", """
				- id: ascend
				  name: 昇腾
				  evidence:
				    - {doc: doc-a, quote: "昇腾"}
				""");
		files.put("relations/version-of.yaml", """
				- from: model:spark
				  to: chip:ascend
				  evidence:
				    - {doc: doc-a, quote: "昇腾"}
				""");
		assertSingleError("relations/version-of.yaml", "#1 (model:spark -> chip:ascend)", "to",
				"links a model to a model, not to a chip");
	}

	// ------------------------------------------------------------------ helpers

	private static SeedModel.Entity entity(SeedModel seed, String id) {
		return seed.entities().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
	}

	private void replace(String file, String from, String to) {
		String text = files.get(file);
		assertThat(text).as("base seed file " + file).contains(from);
		files.put(file, text.replace(from, to));
	}

	private Path write() throws IOException {
		for (Map.Entry<String, String> f : files.entrySet()) {
			Path path = dir.resolve(f.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
		}
		return dir;
	}

	private SeedValidationException invalid() throws IOException {
		Path seed = write();
		SeedValidationException ex = catchThrowableOfType(SeedValidationException.class, () -> SeedReader.read(seed));
		assertThat(ex).as("the seed should be refused").isNotNull();
		return ex;
	}

	private void assertSingleError(String file, String record, String field, String message) throws IOException {
		SeedValidationException ex = invalid();
		List<SeedError> errors = ex.errors();
		assertThat(errors).as(ex.getMessage()).hasSize(1);
		SeedError error = errors.get(0);
		assertThat(error.file()).as(ex.getMessage()).isEqualTo(file);
		assertThat(error.record()).as(ex.getMessage()).contains(record);
		assertThat(error.field()).as(ex.getMessage()).isEqualTo(field);
		assertThat(error.message()).as(ex.getMessage()).contains(message);
	}

}
