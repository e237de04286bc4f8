package cn.landscape.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import cn.landscape.document.KnownGraph.Known;
import cn.landscape.document.Proposal.End;
import cn.landscape.document.RuleBook.Trigger;
import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;

/**
 * Facts from the trigger patterns of rules/triggers.yaml, in Chinese and English, read over each sentence
 * with its names as slots; and a model's release from its name (文心大模型4.5 is a version of 文心大模型,
 * Qwen3-235B-A22B of Qwen3).
 */
final class TriggerRules {

	static final String VERSION_BY_NAME = "version-by-name";

	private record Item(End end, int start, int end_) {
	}

	private final KnownGraph graph;

	private final RuleBook book;

	private final double versionConfidence;

	TriggerRules(KnownGraph graph, RuleBook book) {
		this.graph = graph;
		this.book = book;
		this.versionConfidence = book.shapes().stream().filter(s -> s.name().equals("version-after-known-model"))
			.findFirst().orElseThrow().confidence();
	}

	List<Proposal> propose(String documentYear, List<Sentence> sentences, List<Mention> mentions,
			List<Candidate> candidates) {
		List<Proposal> out = new ArrayList<>();
		Map<Integer, List<Mention>> mentionsIn = mentions.stream().collect(Collectors.groupingBy(Mention::sentence));
		Map<Integer, List<Candidate>> candidatesIn = candidates.stream().collect(Collectors.groupingBy(Candidate::sentence));
		for (Sentence s : sentences) {
			List<Item> items = items(mentionsIn.getOrDefault(s.index(), List.of()),
					candidatesIn.getOrDefault(s.index(), List.of()));
			if (items.size() < 2) {
				continue;
			}
			List<int[]> spans = new ArrayList<>();
			List<String> kinds = new ArrayList<>();
			for (Item i : items) {
				spans.add(new int[] { i.start() - s.start(), i.end_() - s.start() });
				kinds.add(i.end().kind().key());
			}
			String shadow = Slots.shadow(s.text(), spans, kinds);
			String date = ProposalRules.date(s.text(), documentYear);
			for (Trigger trigger : book.triggers()) {
				Matcher m = trigger.pattern().matcher(shadow);
				int from = 0;
				while (from < shadow.length() && m.find(from)) {
					add(out, s, trigger.type(), items.get(Integer.parseInt(m.group("from"))),
							items.get(Integer.parseInt(m.group("to"))), trigger.name(), trigger.confidence(), date);
					from = m.start() + 1;
				}
			}
		}
		versions(sentences, mentions, candidates, documentYear, out);
		return out;
	}

	/** The sentence's names in order; where two overlap, the longer. */
	private static List<Item> items(List<Mention> mentions, List<Candidate> candidates) {
		List<Item> all = new ArrayList<>();
		mentions.stream().filter(m -> !m.ambiguous())
			.forEach(m -> all.add(new Item(new End(m.ref(), m.kind(), m.name()), m.start(), m.end())));
		candidates.stream().filter(c -> c.kind() != null)
			.forEach(c -> all.add(new Item(new End(null, c.kind(), c.name()), c.start(), c.end())));
		all.sort(Comparator.<Item>comparingInt(i -> i.start() - i.end_()).thenComparingInt(Item::start));
		List<Item> kept = new ArrayList<>();
		for (Item i : all) {
			if (kept.stream().noneMatch(k -> k.start() < i.end_() && i.start() < k.end_())) {
				kept.add(i);
			}
		}
		kept.sort(Comparator.comparingInt(Item::start));
		return kept;
	}

	/**
	 * A model candidate whose name extends another model's name is a release of it: the longest such name,
	 * a known one or another candidate, where the rest does not run on a word (GPT-4o is no GPT-4).
	 */
	private void versions(List<Sentence> sentences, List<Mention> mentions, List<Candidate> candidates,
			String documentYear, List<Proposal> out) {
		Map<String, End> families = new java.util.HashMap<>();
		for (Known k : graph.entities()) {
			if (k.kind() == Kind.MODEL) {
				k.names().forEach(n -> families.putIfAbsent(n.toLowerCase(Locale.ROOT), new End(k.ref(), k.kind(), n)));
			}
		}
		candidates.stream().filter(c -> c.kind() == Kind.MODEL)
			.forEach(c -> families.putIfAbsent(c.name().toLowerCase(Locale.ROOT), new End(null, Kind.MODEL, c.name())));
		Map<String, java.util.Optional<End>> bestOf = new java.util.HashMap<>();
		for (Candidate c : candidates) {
			if (c.kind() != Kind.MODEL) {
				continue;
			}
			End best = bestOf.computeIfAbsent(c.name().toLowerCase(Locale.ROOT), name -> family(name, families)).orElse(null);
			if (best != null) {
				Sentence s = sentences.get(c.sentence());
				Item version = new Item(new End(null, Kind.MODEL, c.name()), c.start(), c.end());
				add(out, s, RelType.VERSION_OF, version, new Item(best, c.start(), c.end()), VERSION_BY_NAME,
						versionConfidence, ProposalRules.date(s.text(), documentYear));
			}
		}
	}

	/** The longest family name the (lower-case) name starts with, other than itself. */
	private static java.util.Optional<End> family(String name, Map<String, End> families) {
		for (int cut = name.length() - 1; cut >= 2; cut--) {
			String family = name.substring(0, cut);
			String rest = name.substring(cut);
			End f = families.get(family);
			if (f != null && !runsOn(family, rest) && !rest.equals("系列")) {
				return java.util.Optional.of(f);
			}
		}
		return java.util.Optional.empty();
	}

	private static boolean runsOn(String family, String rest) {
		char last = family.charAt(family.length() - 1);
		char next = rest.charAt(0);
		return Character.isDigit(last) && Character.isLetterOrDigit(next) && next < 128
				|| Character.isLetter(last) && last < 128 && Character.isLetter(next) && next < 128;
	}

	private void add(List<Proposal> out, Sentence s, RelType type, Item from, Item to, String rule, double confidence,
			String date) {
		if (!type.from().contains(from.end().kind()) || !type.to().contains(to.end().kind())
				|| from.end().key().equals(to.end().key())) {
			return;
		}
		boolean existing = !from.end().candidate() && !to.end().candidate()
				&& graph.hasFact(from.end().ref(), type.name(), to.end().ref());
		int lo = Math.min(from.start(), to.start());
		int hi = Math.max(from.end_(), to.end_());
		out.add(new Proposal(null, type, from.end(), to.end(), Quotes.around(s, lo, hi), s.index(), s.section(), rule,
				confidence, existing, date, List.of(s.index())));
	}

}
