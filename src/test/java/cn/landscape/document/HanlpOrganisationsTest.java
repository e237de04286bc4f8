package cn.landscape.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import org.junit.jupiter.api.Test;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What HanLP's organisation recognition (portable 1.8.6, test scope only) would add to the candidate rules
 * for names the graph does not know. The vendors and bodies of the seed are hidden from the dictionary;
 * for each document, an organisation the seed quotes from it is found when a candidate (or a HanLP nt term)
 * equals its name or an alias. Prints recall and precision of the rules, of HanLP, and of both together.
 */
class HanlpOrganisationsTest {

	private static final Path SOURCES = Path.of("../shared/seeds");

	@Test
	void organisation_names_found_by_the_rules_and_by_hanlp_are_printed() throws IOException {
		assumeTrue(Files.isDirectory(SOURCES), "skipped: the source documents folder is absent");
		SeedModel seed = SeedReader.read(Path.of("graph-seed"));
		Map<String, String> organisationByName = new HashMap<>();
		List<Entity> others = seed.entities().stream()
			.filter(e -> e.kind() != Kind.VENDOR && e.kind() != Kind.BODY)
			.toList();
		for (Entity e : seed.entities()) {
			if (e.kind() == Kind.VENDOR || e.kind() == Kind.BODY) {
				organisationByName.put(MentionLinker.key(e.name()), e.ref());
				e.aliases().forEach(a -> organisationByName.put(MentionLinker.key(a), e.ref()));
			}
		}
		Extractor extractor = new Extractor(KnownGraph.of(others, List.of()));
		Segment hanlp = HanLP.newSegment().enableOrganizationRecognize(true);
		int gold = 0;
		int byRules = 0;
		int byHanlp = 0;
		int byBoth = 0;
		int rulesNames = 0;
		int rulesRight = 0;
		int hanlpNames = 0;
		int hanlpRight = 0;
		for (Entity doc : seed.entities()) {
			if (doc.kind() != Kind.DOCUMENT || !doc.props().containsKey("sourceFile")) {
				continue;
			}
			String text = PlainText.reduce(Files.readString(SOURCES.resolve(String.valueOf(doc.props().get("sourceFile").value())),
					StandardCharsets.UTF_8));
			Set<String> expected = new HashSet<>();
			for (Entity e : seed.entities()) {
				if ((e.kind() == Kind.VENDOR || e.kind() == Kind.BODY) && e.evidence().stream().anyMatch(ev -> ev.documentId().equals(doc.id()))) {
					expected.add(e.ref());
				}
			}
			Set<String> rules = new HashSet<>();
			Set<String> ruleStrings = new HashSet<>();
			for (Candidate c : extractor.extract(doc.id(), text, null).candidates()) {
				if (c.kind() == Kind.VENDOR || c.kind() == null) {
					ruleStrings.add(MentionLinker.key(c.name()));
				}
			}
			for (String name : ruleStrings) {
				String ref = organisationByName.get(name);
				if (ref != null) {
					rules.add(ref);
					rulesRight++;
				}
			}
			rulesNames += ruleStrings.size();
			Set<String> hanlpStrings = new HashSet<>();
			for (Term term : hanlp.seg(text)) {
				if (term.nature != null && term.nature.toString().startsWith("nt")) {
					hanlpStrings.add(MentionLinker.key(term.word));
				}
			}
			Set<String> found = new HashSet<>();
			for (String name : hanlpStrings) {
				String ref = organisationByName.get(name);
				if (ref != null) {
					found.add(ref);
					hanlpRight++;
				}
			}
			hanlpNames += hanlpStrings.size();
			gold += expected.size();
			byRules += (int) expected.stream().filter(rules::contains).count();
			byHanlp += (int) expected.stream().filter(found::contains).count();
			byBoth += (int) expected.stream().filter(r -> rules.contains(r) || found.contains(r)).count();
		}
		System.out.printf("%nOrganisations unknown to the dictionary (seed vendors and bodies hidden), five documents:%n"
				+ "  gold organisations quoted per document: %d%n"
				+ "  candidate rules : recall %.1f%% (%d), precision %.1f%% of %d distinct names%n"
				+ "  HanLP nt terms  : recall %.1f%% (%d), precision %.1f%% of %d distinct names%n"
				+ "  rules + HanLP   : recall %.1f%% (%d); HanLP adds %d%n",
				gold, 100.0 * byRules / gold, byRules, pct(rulesRight, rulesNames), rulesNames, 100.0 * byHanlp / gold, byHanlp,
				pct(hanlpRight, hanlpNames), hanlpNames, 100.0 * byBoth / gold, byBoth, byBoth - byRules);
		assertThat(gold).isGreaterThan(20);
	}

	private static double pct(int a, int b) {
		return b == 0 ? 0 : 100.0 * a / b;
	}

}
