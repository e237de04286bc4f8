package cn.landscape.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.landscape.document.DevSet.Article;
import cn.landscape.document.DevSet.GoldFact;
import cn.landscape.document.DevSet.NewEntity;
import cn.landscape.entity.RelType;

/**
 * Precision and recall of one extraction run over the development set, by split (dev, heldout) and
 * language (zh, en, all). Everything is counted once per article: a known entity, a new name with its kind,
 * a fact (type and both ends). Ambiguous mentions (no ref) propose no link and are not counted.
 */
final class DevSetScores {

	static final List<String> MEASURES = List.of("mentions", "new", "facts");

	/** Gold items and how many were found; produced items and how many were right. */
	static final class Tally {

		int gold;

		int found;

		int produced;

		int right;

		double precision() {
			return produced == 0 ? 0 : 100.0 * right / produced;
		}

		double recall() {
			return gold == 0 ? 0 : 100.0 * found / gold;
		}
	}

	private final Map<String, Tally> cells = new LinkedHashMap<>();

	/** What was missed or wrong, dev articles only: the held-out third is never read item by item. */
	private final List<String> devErrors = new ArrayList<>();

	Tally cell(String split, String lang, String measure) {
		return cells.computeIfAbsent(split + "|" + lang + "|" + measure, k -> new Tally());
	}

	List<String> devErrors() {
		return devErrors;
	}

	void add(Article a, Extraction x) {
		Set<String> refs = new HashSet<>();
		x.mentions().stream().filter(m -> !m.ambiguous()).forEach(m -> refs.add(m.ref()));
		count(a, "mentions", a.mentions().size(), (int) a.mentions().stream().filter(refs::contains).count(), refs.size(),
				(int) refs.stream().filter(a.mentions()::contains).count());
		a.mentions().stream().filter(r -> !refs.contains(r)).forEach(r -> error(a, "missed mention " + r));
		refs.stream().filter(r -> !a.mentions().contains(r)).forEach(r -> error(a, "wrong mention " + r));

		Map<String, Candidate> candidates = new LinkedHashMap<>();
		x.candidates().forEach(c -> candidates.putIfAbsent(MentionLinker.key(c.name()) + "|" + c.kind(), c));
		int newFound = 0;
		for (NewEntity n : a.news()) {
			if (candidates.values().stream().anyMatch(c -> c.kind() == n.kind() && n.named(c.name()))) {
				newFound++;
			}
			else {
				error(a, "missed new " + n.kind().key() + " " + n.name());
			}
		}
		int newRight = 0;
		for (Candidate c : candidates.values()) {
			if (a.news().stream().anyMatch(n -> c.kind() == n.kind() && n.named(c.name()))) {
				newRight++;
			}
			else {
				error(a, "wrong new " + (c.kind() == null ? "?" : c.kind().key()) + " " + c.name() + " [" + c.rule() + "]");
			}
		}
		count(a, "new", a.news().size(), newFound, candidates.size(), newRight);

		Map<String, Proposal> proposals = new LinkedHashMap<>();
		x.proposals().forEach(p -> proposals.putIfAbsent(p.key(), p));
		int factFound = 0;
		for (GoldFact g : a.facts()) {
			if (proposals.values().stream().anyMatch(p -> matches(a, p, g))) {
				factFound++;
			}
			else {
				error(a, "missed fact " + g.from() + " " + g.type() + " " + g.to());
			}
		}
		int factRight = 0;
		for (Proposal p : proposals.values()) {
			if (a.facts().stream().anyMatch(g -> matches(a, p, g))) {
				factRight++;
			}
			else {
				error(a, "wrong fact " + p.key() + " [" + p.rule() + "] " + p.quote());
			}
		}
		count(a, "facts", a.facts().size(), factFound, proposals.size(), factRight);
	}

	private void count(Article a, String measure, int gold, int found, int produced, int right) {
		List<String> splits = a.batch() == 2 ? List.of(a.split(), "batch2-" + a.split()) : List.of(a.split());
		for (String split : splits) {
			for (String lang : List.of(a.lang(), "all")) {
				Tally t = cell(split, lang, measure);
				t.gold += gold;
				t.found += found;
				t.produced += produced;
				t.right += right;
			}
		}
	}

	private void error(Article a, String what) {
		if ("dev".equals(a.split())) {
			devErrors.add(a.id() + " " + what);
		}
	}

	/** PARTNERS_WITH has no direction: either way round is the fact. */
	static boolean matches(Article a, Proposal p, GoldFact g) {
		return p.type() == g.type() && (end(a, p.from(), g.from()) && end(a, p.to(), g.to())
				|| p.type() == RelType.PARTNERS_WITH && end(a, p.from(), g.to()) && end(a, p.to(), g.from()));
	}

	private static boolean end(Article a, Proposal.End end, String gold) {
		NewEntity n = a.newEntity(gold);
		if (n == null) {
			return gold.equals(end.ref());
		}
		return end.candidate() && n.named(end.name());
	}

	/**
	 * One line per split and language: P and R of each measure, with the counts behind them; the batch2
	 * rows are the articles of batch 2 alone (inside their split's rows too).
	 */
	String table() {
		StringBuilder out = new StringBuilder(String.format("%-14s %-4s", "split", "lang"));
		MEASURES.forEach(m -> out.append(String.format(" | %-28s", m + " P / R (right/produced, found/gold)")));
		out.append('\n');
		for (String split : List.of("dev", "heldout", "batch2-dev", "batch2-heldout")) {
			for (String lang : List.of("zh", "en", "all")) {
				out.append(String.format("%-14s %-4s", split, lang));
				for (String m : MEASURES) {
					Tally t = cell(split, lang, m);
					out.append(String.format(" | %5.1f / %5.1f (%d/%d, %d/%d)", t.precision(), t.recall(), t.right,
							t.produced, t.found, t.gold));
				}
				out.append('\n');
			}
		}
		return out.toString();
	}

}
