package cn.landscape.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.seed.SeedModel;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Relation;
import cn.landscape.seed.SeedReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The five source documents against the curated graph-seed, which a person built from exactly them. The
 * extractor knows only the entities (names, aliases), no relation. Prints precision and recall; asserts
 * only that the measurement ran over the gold standard.
 *
 * <p>What a match is. Recall counts gold evidence entries: an entity's quote from a document is found when
 * the extractor mentions that entity in a sentence overlapping the quote's place in the text; a relation's
 * quote is found when a proposal of the same type between the same two entities is stated by a sentence
 * overlapping it (one proposal per fact per document lists every sentence that states it). Precision counts distinct (document, entity) and (document, fact) pairs the extractor
 * produced: right when the seed has that entity, or that fact, quoted from that document. Curators quote an
 * entity once or twice per document, not at every occurrence, so precision by occurrence would mostly count
 * what they chose not to repeat. Proposals with a candidate end (a name the seed does not know) cannot be
 * in the gold standard; they are counted apart.
 */
class GoldStandardTest {

	private static final Path SOURCES = Path.of("../shared/seeds");

	static final List<RelType> TYPES = List.of(RelType.DEVELOPS, RelType.SERVES, RelType.ISSUED_BY, RelType.COVERS,
			RelType.BUILT_ON, RelType.MADE_BY, RelType.RUNS_ON);

	private static SeedModel seed;

	private static final Map<String, String> texts = new LinkedHashMap<>();

	private static final Map<String, String> years = new HashMap<>();

	@BeforeAll
	static void load() throws IOException {
		assumeTrue(Files.isDirectory(SOURCES), () -> "skipped: the source documents folder "
				+ SOURCES.toAbsolutePath().normalize() + " is absent");
		seed = SeedReader.read(Path.of("graph-seed"));
		for (Entity doc : seed.entities()) {
			if (doc.kind() == Kind.DOCUMENT && doc.props().containsKey("sourceFile")) {
				Path file = SOURCES.resolve(String.valueOf(doc.props().get("sourceFile").value()));
				if (Files.isRegularFile(file)) {
					texts.put(doc.id(), Files.readString(file, StandardCharsets.UTF_8));
					Object date = doc.props().containsKey("date") ? doc.props().get("date").value() : null;
					years.put(doc.id(), date == null ? null : String.valueOf(date).substring(0, 4));
				}
			}
		}
		assumeTrue(texts.size() == 5, "skipped: not all five source documents are readable");
	}

	@Test
	void mentions_and_proposals_are_measured_against_the_curated_seed() {
		Extractor extractor = new Extractor(KnownGraph.of(seed.entities(), List.of()));
		Map<String, Extraction> results = new LinkedHashMap<>();
		for (Map.Entry<String, String> doc : texts.entrySet()) {
			results.put(doc.getKey(),
					extractor.extract(doc.getKey(), PlainText.reduce(doc.getValue()), years.get(doc.getKey())));
		}

		Score mentions = new Score();
		Set<String> goldPairs = new HashSet<>();
		for (Entity e : seed.entities()) {
			if (e.kind() == Kind.DOCUMENT) {
				continue;
			}
			for (Evidence ev : e.evidence()) {
				Extraction x = results.get(ev.documentId());
				if (x == null) {
					continue;
				}
				goldPairs.add(ev.documentId() + "|" + e.ref());
				Set<Integer> at = sentencesOf(x, ev.quote());
				boolean found = x.mentions().stream().anyMatch(m -> e.ref().equals(m.ref()) && at.contains(m.sentence()));
				mentions.gold(ev.documentId(), found, ev.documentId() + " " + e.ref() + " \"" + ev.quote() + "\"");
			}
		}
		int ambiguous = 0;
		for (Map.Entry<String, Extraction> r : results.entrySet()) {
			Set<String> pairs = new HashSet<>();
			for (Mention m : r.getValue().mentions()) {
				if (m.ambiguous()) {
					ambiguous++;
				}
				else if (pairs.add(m.ref())) {
					mentions.produced(r.getKey(), goldPairs.contains(r.getKey() + "|" + m.ref()),
							r.getKey() + " " + m.ref() + " as " + m.surface());
				}
			}
		}

		Map<RelType, Score> relations = new TreeMap<>();
		TYPES.forEach(t -> relations.put(t, new Score()));
		Set<String> goldFacts = new HashSet<>();
		for (Relation rel : seed.relations()) {
			Score score = relations.get(rel.type());
			if (score == null) {
				continue;
			}
			for (Evidence ev : rel.evidence()) {
				Extraction x = results.get(ev.documentId());
				if (x == null) {
					continue;
				}
				goldFacts.add(ev.documentId() + "|" + rel.key());
				Set<Integer> at = sentencesOf(x, ev.quote());
				boolean found = x.proposals().stream().anyMatch(p -> p.type() == rel.type()
						&& rel.fromRef().equals(p.from().ref()) && rel.toRef().equals(p.to().ref())
						&& p.sentences().stream().anyMatch(at::contains));
				score.gold(ev.documentId(), found, ev.documentId() + " " + rel.key() + " \"" + ev.quote() + "\"");
			}
		}
		Map<String, int[]> byRule = new TreeMap<>();
		Map<RelType, Integer> withCandidate = new TreeMap<>();
		int proposals = 0;
		for (Map.Entry<String, Extraction> r : results.entrySet()) {
			Set<String> pairs = new HashSet<>();
			for (Proposal p : r.getValue().proposals()) {
				proposals++;
				Score score = relations.get(p.type());
				if (score == null) {
					continue;
				}
				if (p.from().candidate() || p.to().candidate()) {
					withCandidate.merge(p.type(), 1, Integer::sum);
				}
				else {
					boolean right = goldFacts.contains(r.getKey() + "|" + p.from().ref() + "|" + p.type() + "|" + p.to().ref());
					int[] counts = byRule.computeIfAbsent(p.rule(), k -> new int[2]);
					counts[0] += right ? 1 : 0;
					counts[1]++;
					if (pairs.add(p.key())) {
						score.produced(r.getKey(), right, r.getKey() + " " + p.key() + " [" + p.rule() + "] " + p.quote());
					}
				}
			}
		}

		StringBuilder out = new StringBuilder("\nGold standard: five documents, graph-seed entities only\n");
		out.append(String.format("%-10s %9s %9s %7s %7s %s%n", "", "precision", "recall", "gold", "pairs", "(+candidate-end)"));
		out.append(mentions.line("mentions", "")).append(String.format("  ambiguous mentions reported: %d%n", ambiguous));
		relations.forEach((t, s) -> out.append(s.line(t.name(), " +" + withCandidate.getOrDefault(t, 0))));
		out.append(String.format("  proposals in all (every type): %d%n  right / proposals by rule (known ends):%n", proposals));
		byRule.forEach((rule, c) -> out.append(String.format("    %-28s %4d / %4d%n", rule, c[0], c[1])));
		out.append(perDocument(mentions, relations));
		if (Boolean.getBoolean("gold.verbose")) {
			out.append(mentions.misses("mentions"));
			relations.forEach((t, s) -> out.append(s.misses(t.name())));
		}
		System.out.println(out);

		assertThat(mentions.goldTotal).as("gold mentions found in the documents").isGreaterThan(300);
		assertThat(relations.get(RelType.DEVELOPS).goldTotal).isGreaterThan(30);
	}

	@Test
	void ingest_time_is_printed_for_the_report_and_for_one_megabyte() {
		Extractor extractor = new Extractor(KnownGraph.of(seed));
		String report = texts.get("report-2024");
		StringBuilder mb = new StringBuilder();
		while (mb.length() * 3 < 1_000_000) {
			texts.values().forEach(t -> mb.append(t).append("\n\n"));
		}
		String megabyte = mb.toString();
		for (int warm = 0; warm < 3; warm++) {
			extractor.extract("warm", PlainText.reduce(report), "2024");
		}
		long t0 = System.nanoTime();
		KnownGraph graph = KnownGraph.of(SeedReader.read(Path.of("graph-seed")));
		Extraction r = new Extractor(graph).extract("report", PlainText.reduce(report), "2024");
		long t1 = System.nanoTime();
		Extraction m = extractor.extract("mb", PlainText.reduce(megabyte), "2024");
		long t2 = System.nanoTime();
		System.out.printf("%nIngest time (seed read + automaton build + extraction, warm JVM):%n"
				+ "  report-2024 %,d bytes: %d ms (%d sentences, %d mentions, %d proposals)%n"
				+ "  %,d bytes of text: %d ms (%d sentences, %d mentions, %d proposals)%n",
				report.getBytes(StandardCharsets.UTF_8).length, (t1 - t0) / 1_000_000, r.sentences().size(),
				r.mentions().size(), r.proposals().size(), megabyte.getBytes(StandardCharsets.UTF_8).length,
				(t2 - t1) / 1_000_000, m.sentences().size(), m.mentions().size(), m.proposals().size());
		assertThat(m.mentions()).isNotEmpty();
	}

	/**
	 * Precision and recall per document, and over every document but one. The rules are hand-written, so a
	 * document's own column is a held-out figure only for a document their author did not read while writing
	 * them; the report says which.
	 */
	private static String perDocument(Score mentions, Map<RelType, Score> relations) {
		Map<String, Score> rows = new LinkedHashMap<>();
		rows.put("mentions", mentions);
		relations.forEach((t, s) -> rows.put(t.name(), s));
		StringBuilder out = new StringBuilder("\nPer document, precision/recall (gold entries); \"rest\" is every other document:\n");
		out.append(String.format("%-10s", ""));
		texts.keySet().forEach(d -> out.append(String.format(" %-34s", d + " | rest")));
		out.append('\n');
		rows.forEach((name, score) -> {
			out.append(String.format("%-10s", name));
			texts.keySet().forEach(d -> out.append(String.format(" %-34s",
					score.of(Set.of(d)).cell() + " | " + score.of(rest(d)).cell())));
			out.append('\n');
		});
		return out.toString();
	}

	private static Set<String> rest(String document) {
		Set<String> others = new HashSet<>(texts.keySet());
		others.remove(document);
		return others;
	}

	/** Sentences overlapping the place of the quote in the text, found without whitespace. */
	static Set<Integer> sentencesOf(Extraction x, String quote) {
		String text = x.text();
		StringBuilder squeezed = new StringBuilder();
		List<Integer> position = new ArrayList<>();
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u3000' && text.charAt(i) != '\u00A0') {
				squeezed.append(text.charAt(i));
				position.add(i);
			}
		}
		String q = quote.replaceAll("[\\s\\u00A0\\u3000]+", "");
		Set<Integer> at = new HashSet<>();
		int from = squeezed.indexOf(q);
		while (from >= 0 && !q.isEmpty()) {
			int start = position.get(from);
			int end = position.get(from + q.length() - 1) + 1;
			for (Sentence s : x.sentences()) {
				if (s.overlaps(start, end)) {
					at.add(s.index());
				}
			}
			from = squeezed.indexOf(q, from + 1);
		}
		return at;
	}

	static final class Score {

		int goldTotal;

		int goldFound;

		int producedTotal;

		int producedRight;

		final List<String> missed = new ArrayList<>();

		final List<String> wrong = new ArrayList<>();

		private final Map<String, Score> byDocument = new HashMap<>();

		void gold(String document, boolean found, String what) {
			byDocument.computeIfAbsent(document, d -> new Score()).count(found, true);
			count(found, true);
			if (!found) {
				missed.add(what);
			}
		}

		void produced(String document, boolean right, String what) {
			byDocument.computeIfAbsent(document, d -> new Score()).count(right, false);
			count(right, false);
			if (!right) {
				wrong.add(what);
			}
		}

		private void count(boolean hit, boolean gold) {
			if (gold) {
				goldTotal++;
				goldFound += hit ? 1 : 0;
			}
			else {
				producedTotal++;
				producedRight += hit ? 1 : 0;
			}
		}

		/** The counts over some documents only. */
		Score of(Set<String> documents) {
			Score sum = new Score();
			byDocument.forEach((d, s) -> {
				if (documents.contains(d)) {
					sum.goldTotal += s.goldTotal;
					sum.goldFound += s.goldFound;
					sum.producedTotal += s.producedTotal;
					sum.producedRight += s.producedRight;
				}
			});
			return sum;
		}

		String cell() {
			return String.format("%.0f/%.0f (%d)", pct(producedRight, producedTotal), pct(goldFound, goldTotal), goldTotal);
		}

		String line(String name, String extra) {
			return String.format("%-10s %8.1f%% %8.1f%% %7d %7d %s%n", name, pct(producedRight, producedTotal),
					pct(goldFound, goldTotal), goldTotal, producedTotal, extra);
		}

		String misses(String name) {
			return "\n-- " + name + " missed:\n  " + String.join("\n  ", missed) + "\n-- " + name + " wrong:\n  "
					+ String.join("\n  ", wrong) + "\n";
		}

		private static double pct(int a, int b) {
			return b == 0 ? 0 : 100.0 * a / b;
		}
	}

}
