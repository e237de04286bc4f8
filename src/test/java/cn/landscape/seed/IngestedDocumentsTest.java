package cn.landscape.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** graph-seed/documents/: an added document's record, mentions, new entities and facts, read and validated. */
class IngestedDocumentsTest {

	@TempDir
	Path seed;

	@BeforeEach
	void minimalSeed() throws IOException {
		write("documents.yaml", "- {id: src, sourceFile: a.txt, title: 源}\n");
		write("entities/vendors.yaml", "- {id: baidu, name: 百度, evidence: [{doc: src, quote: 百度}]}\n");
		write("entities/models.yaml", """
				- id: ernie
				  name: 文心一言
				  evidence: [{doc: src, quote: 文心一言}]
				  props: {type: {value: general, evidence: [{doc: src, quote: 文心一言}]}}
				""");
		write("relations/develops.yaml", "- {from: vendor:baidu, to: model:ernie, evidence: [{doc: src, quote: 百度}]}\n");
		write("documents/doc-abc.txt", "2025年1月，百度发布文心一言新版本。\n百度 推出“天衡”大模型。");
	}

	private void write(String file, String content) throws IOException {
		Files.createDirectories(seed.resolve(file).getParent());
		Files.writeString(seed.resolve(file), content, StandardCharsets.UTF_8);
	}

	@Test
	void an_added_document_brings_its_record_mentions_new_entities_and_evidence_of_known_facts() throws IOException {
		write("documents/doc-abc.yaml", """
				id: doc-abc
				title: 新版本
				publisher: 某报
				date: "2025-01"
				mentions:
				  - {ref: model:ernie, quote: "百度发布文心一言新版本"}
				entities:
				  - {kind: model, id: tianheng, name: 天衡, quote: "百度推出“天衡”大模型", type: general}
				relations:
				  - {type: DEVELOPS, from: vendor:baidu, to: model:ernie, quote: "百度发布文心一言", date: "2025-01"}
				  - {type: DEVELOPS, from: vendor:baidu, to: model:tianheng, quote: "百度 推出“天衡”大模型"}
				""");
		SeedModel model = SeedReader.read(seed);
		assertThat(model.entities()).anyMatch(e -> e.ref().equals("document:doc-abc") && e.name().equals("新版本")
				&& e.props().get("sourceFile").value().equals("documents/doc-abc.txt"));
		assertThat(model.entities()).filteredOn(e -> e.ref().equals("model:ernie")).singleElement()
			.satisfies(e -> assertThat(e.evidence()).anyMatch(ev -> ev.documentId().equals("doc-abc")));
		assertThat(model.entities()).anyMatch(e -> e.ref().equals("model:tianheng"));
		assertThat(model.relations()).filteredOn(r -> r.key().equals("vendor:baidu|DEVELOPS|model:ernie")).singleElement()
			.satisfies(r -> assertThat(r.evidence()).hasSize(2));
		assertThat(model.relations()).anyMatch(r -> r.key().equals("vendor:baidu|DEVELOPS|model:tianheng"));
	}

	@Test
	void a_quote_not_in_the_text_an_unknown_ref_and_a_wrong_kind_are_all_reported_and_nothing_is_read() throws IOException {
		write("documents/doc-abc.yaml", """
				id: doc-abc
				title: 新版本
				mentions:
				  - {ref: model:ernie, quote: "这句话不在文中"}
				  - {ref: model:nothing, quote: "百度"}
				relations:
				  - {type: SERVES, from: vendor:baidu, to: model:ernie, quote: "百度"}
				""");
		assertThatThrownBy(() -> SeedReader.read(seed)).isInstanceOf(SeedValidationException.class)
			.hasMessageContaining("not found in documents/doc-abc.txt")
			.hasMessageContaining("model:nothing")
			.hasMessageContaining("SERVES does not go from a vendor");
	}

}
