package cn.landscape.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Fact;
import cn.landscape.seed.SeedModel.Relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every evidence quote in the seed (entity evidence, property evidence, relation evidence) is found in the
 * document it cites. Whitespace may differ (all whitespace is removed from both sides); nothing else may.
 * The source documents live outside the repository, in ../shared/seeds/: without them the test is skipped.
 */
class QuotesTest {

	private static final Path SOURCES = Path.of("../shared/seeds");

	@Test
	void every_evidence_quote_is_found_verbatim_in_the_document_it_cites() throws IOException {
		assumeTrue(Files.isDirectory(SOURCES), () -> "skipped: the source documents folder " + SOURCES.toAbsolutePath()
				.normalize() + " is absent, so quotes cannot be checked against the documents");
		SeedModel seed = SeedReader.read(Path.of("graph-seed"));

		Map<String, String> texts = new HashMap<>();
		List<String> failures = new ArrayList<>();
		for (Entity doc : seed.entities()) {
			if (doc.kind() != Kind.DOCUMENT || doc.props().get("sourceFile") == null) {
				continue; // a dataset's rows are checked against its snapshot by SourcesTest
			}
			String sourceFile = String.valueOf(doc.props().get("sourceFile").value());
			// An added document's text is in graph-seed/documents/, beside its record.
			Path file = sourceFile.startsWith(IngestedDocuments.FOLDER + "/") ? Path.of("graph-seed", sourceFile)
					: SOURCES.resolve(sourceFile);
			if (Files.isRegularFile(file)) {
				texts.put(doc.id(), squeeze(Files.readString(file, StandardCharsets.UTF_8)));
			}
			else {
				failures.add("documents.yaml " + doc.id() + ": sourceFile " + file + " does not exist");
			}
		}

		failures.addAll(derivedPartsAreCitedAsSuch(seed, texts));
		int checked = 0;
		for (Entity e : seed.entities()) {
			String where = "entity " + e.ref();
			checked += check(where + " evidence", e.evidence(), texts, failures);
			for (Map.Entry<String, Fact> prop : e.props().entrySet()) {
				checked += check(where + " props." + prop.getKey(), prop.getValue().evidence(), texts, failures);
			}
		}
		for (Relation r : seed.relations()) {
			String where = "relation " + r.fromKind().key() + ":" + r.fromId() + " -[" + r.type() + "]-> "
					+ r.toKind().key() + ":" + r.toId();
			checked += check(where + " evidence", r.evidence(), texts, failures);
		}

		assertThat(checked).as("quotes checked").isGreaterThan(300);
		assertThat(failures).as("%d quote(s) not found in the document they cite:%n  %s", failures.size(),
				String.join("\n  ", failures))
			.isEmpty();
	}

	private static int check(String where, List<Evidence> evidence, Map<String, String> texts,
			List<String> failures) {
		for (Evidence ev : evidence) {
			if (ev.documentId() == null || ev.isRow()) {
				continue;
			}
			String text = texts.get(ev.documentId());
			if (text == null) {
				failures.add(where + ": document '" + ev.documentId() + "' has no readable source file");
			}
			else if (!text.contains(squeeze(ev.quote()))) {
				failures.add(where + " [" + ev.documentId() + "]: \"" + ev.quote() + "\"");
			}
		}
		return (int) evidence.stream().filter(ev -> ev.documentId() != null && !ev.isRow()).count();
	}

	/**
	 * A quote from a document's machine-written part (from its {@code startsAt} text to the end) must name that
	 * part's section, so that the API shows it as derived; a quote naming that section must come from the part.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> derivedPartsAreCitedAsSuch(SeedModel seed, Map<String, String> texts) throws IOException {
		Map<String, Map<String, Integer>> partStarts = new HashMap<>();
		List<Map<String, Object>> documents = new Yaml()
			.load(Files.readString(Path.of("graph-seed/documents.yaml"), StandardCharsets.UTF_8));
		for (Map<String, Object> doc : documents) {
			String id = String.valueOf(doc.get("id"));
			for (Map<String, Object> part : (List<Map<String, Object>>) doc.getOrDefault("derivedParts", List.of())) {
				int start = texts.getOrDefault(id, "").indexOf(squeeze(String.valueOf(part.get("startsAt"))));
				partStarts.computeIfAbsent(id, k -> new HashMap<>()).put(String.valueOf(part.get("section")), start);
			}
		}
		List<String> failures = new ArrayList<>();
		partStarts.forEach((doc, parts) -> parts.forEach((section, start) -> {
			if (start < 0) {
				failures.add("documents.yaml " + doc + ": derived part '" + section + "' startsAt text not found");
			}
		}));
		List<Evidence> all = new ArrayList<>();
		seed.entities().forEach(e -> {
			all.addAll(e.evidence());
			e.props().values().forEach(f -> all.addAll(f.evidence()));
		});
		seed.relations().forEach(r -> all.addAll(r.evidence()));
		for (Evidence ev : all) {
			Map<String, Integer> parts = partStarts.get(ev.documentId());
			if (parts == null || ev.quote() == null) {
				continue;
			}
			String text = texts.get(ev.documentId());
			int at = text.indexOf(squeeze(ev.quote()));
			int partStart = parts.values().stream().filter(s -> s >= 0).min(Integer::compare).orElse(Integer.MAX_VALUE);
			boolean inPart = at >= partStart;
			boolean namesPart = ev.section() != null && parts.containsKey(ev.section());
			if (at >= 0 && inPart != namesPart) {
				failures.add("[" + ev.documentId() + "] \"" + ev.quote() + "\": " + (inPart
						? "comes from a machine-written part; give it that part's section (" + parts.keySet() + ")"
						: "names a machine-written section but is article text"));
			}
		}
		return failures;
	}

	static String squeeze(String text) {
		return Evidence.squeeze(text);
	}

}
