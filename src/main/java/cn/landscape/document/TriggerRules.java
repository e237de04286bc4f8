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

	static final String OWNER_BY_NAME = "owner-by-name";

	private record Item(End end, int start, int end_) {
	}

	private final KnownGraph graph;

	private final RuleBook book;

	private final double versionConfidence;

	private final Pronouns pronouns;

	/** Every known company's names, lower case. */
	private final Map<String, End> owners = new java.util.HashMap<>();

	private final java.util.regex.Pattern separator;

	TriggerRules(KnownGraph graph, RuleBook book) {
		this.graph = graph;
		this.book = book;
		this.pronouns = new Pronouns(book);
		this.separator = book.stop("list-separators").pattern();
		for (Known k : graph.entities()) {
			if (k.kind() == Kind.VENDOR) {
				k.names().forEach(n -> owners.putIfAbsent(n.toLowerCase(Locale.ROOT), new End(k.ref(), k.kind(), n)));
			}
		}
		this.versionConfidence = book.shapes().stream().filter(s -> s.name().equals("version-after-known-model"))
			.findFirst().orElseThrow().confidence();
	}

	List<Proposal> propose(String documentYear, List<Sentence> sentences, List<Mention> mentions,
			List<Candidate> candidates) {
		List<Proposal> out = new ArrayList<>();
		Map<Integer, List<Mention>> mentionsIn = mentions.stream().collect(Collectors.groupingBy(Mention::sentence));
		Map<Integer, List<Candidate>> candidatesIn = candidates.stream().collect(Collectors.groupingBy(Candidate::sentence));
		List<Pronouns.Stand> before = List.of();
		for (Sentence s : sentences) {
			List<Item> items = items(mentionsIn.getOrDefault(s.index(), List.of()),
					candidatesIn.getOrDefault(s.index(), List.of()));
			List<Pronouns.Stand> names = items.stream().map(i -> new Pronouns.Stand(i.end(), i.start(), i.end_())).toList();
			List<Pronouns.Stand> stands = pronouns.resolve(s, names, before);
			stands.forEach(p -> items.add(new Item(p.end(), p.start(), p.stop())));
			items.sort(Comparator.comparingInt(Item::start));
			if (!items.isEmpty()) {
				before = items.stream().map(i -> new Pronouns.Stand(i.end(), i.start(), i.end_())).toList();
			}
			if (items.size() >= 2) {
				read(s, items, ProposalRules.date(s.text(), documentYear), out);
			}
		}
		versions(sentences, candidates, documentYear, out);
		return out;
	}

	/**
	 * Every trigger over the sentence with its names as slots. A name at one end pairs with the first name
	 * that fits the other (the subject, not a name further in), and a list at either end pairs whole.
	 */
	private void read(Sentence s, List<Item> items, String date, List<Proposal> out) {
		List<int[]> spans = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		for (Item i : items) {
			spans.add(new int[] { i.start() - s.start(), i.end_() - s.start() });
			kinds.add(i.end().kind().key());
		}
		int[][] at = new int[items.size()][];
		String shadow = Slots.shadow(s.text(), spans, kinds, at);
		// 分别 pairs two lists in order (ProposalRules reads it), so a list does not pair whole there
		boolean respectively = s.text().contains("分别") || s.text().contains("相继") || s.text().contains("respectively");
		// a name inside brackets is an aside: it does not pair with the sentence around it
		int[] group = ProposalRules.parentheses(s.text());
		for (Trigger trigger : book.triggers()) {
			Matcher m = trigger.pattern().matcher(shadow);
			java.util.Set<Integer> paired = new java.util.HashSet<>();
			int from = 0;
			while (from < shadow.length() && m.find(from)) {
				int f = Integer.parseInt(m.group("from"));
				int t = Integer.parseInt(m.group("to"));
				if (paired.add(t)) {
					List<Integer> froms = respectively ? List.of(f) : list(f, items, at, shadow);
					List<Integer> tos = respectively ? List.of(t) : list(t, items, at, shadow);
					if (froms.stream().anyMatch(tos::contains)) {
						// 科大讯飞与华为联合: both ends are one list, the pair is the pair
						froms = List.of(f);
						tos = List.of(t);
					}
					for (int fi : froms) {
						for (int ti : tos) {
							if (group[items.get(fi).start() - s.start()] != group[items.get(ti).start() - s.start()]) {
								continue;
							}
							add(out, s, trigger.type(), items.get(fi), items.get(ti), trigger.name(), trigger.confidence(), date);
						}
					}
				}
				from = m.start() + 1;
			}
		}
	}

	/** The item and the names of its kind joined to it by list separators (、, and, 与), both ways. */
	private List<Integer> list(int i, List<Item> items, int[][] at, String shadow) {
		List<Integer> out = new ArrayList<>(List.of(i));
		Kind kind = items.get(i).end().kind();
		for (int k = i; k + 1 < items.size() && joined(k, k + 1, items, at, shadow, kind); k++) {
			out.add(k + 1);
		}
		for (int k = i; k > 0 && joined(k - 1, k, items, at, shadow, kind); k--) {
			out.add(k - 1);
		}
		return out;
	}

	private boolean joined(int a, int b, List<Item> items, int[][] at, String shadow, Kind kind) {
		return items.get(a).end().kind() == kind && items.get(b).end().kind() == kind
				&& separator.matcher(shadow.substring(at[a][1], at[b][0])).matches();
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
	private void versions(List<Sentence> sentences, List<Candidate> candidates,
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
		Map<String, java.util.Optional<End>> ownerOf = new java.util.HashMap<>();
		for (Candidate c : candidates) {
			if (c.kind() != Kind.MODEL && c.kind() != Kind.VENDOR) {
				continue;
			}
			Sentence s = sentences.get(c.sentence());
			String date = ProposalRules.date(s.text(), documentYear);
			Item named = new Item(new End(null, c.kind(), c.name()), c.start(), c.end());
			String key = c.name().toLowerCase(Locale.ROOT);
			End best = c.kind() != Kind.MODEL ? null : bestOf.computeIfAbsent(key, name -> family(name, families)).orElse(null);
			if (best != null) {
				add(out, s, RelType.VERSION_OF, named, new Item(best, c.start(), c.end()), VERSION_BY_NAME,
						versionConfidence, date);
			}
			// OpenAI o1, Huawei Cloud, 华为云: a known company's name opens the name of its model or of its arm
			End owner = ownerOf.computeIfAbsent(key, name -> family(name, owners)).orElse(null);
			if (owner != null && c.kind() == Kind.MODEL) {
				add(out, s, RelType.DEVELOPS, new Item(owner, c.start(), c.end()), named, OWNER_BY_NAME, versionConfidence, date);
			}
			else if (owner != null) {
				add(out, s, RelType.PART_OF, named, new Item(owner, c.start(), c.end()), OWNER_BY_NAME, versionConfidence, date);
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

	/**
	 * DEVELOPS by a company other than the one whose name opens the product's (月之暗面 does not develop
	 * OpenAI o1 or DeepSeek-R1, whatever the sentence around them). Only for new products: a known one's
	 * makers are in the graph. {@code sameAs} gives each name the other names the text gives the same
	 * company (深度求索（DeepSeek）).
	 */
	boolean namedForAnother(Proposal p, Map<String, java.util.Set<String>> sameAs) {
		if (p.type() != RelType.DEVELOPS || !p.to().candidate()) {
			return false;
		}
		String product = p.to().name().toLowerCase(Locale.ROOT);
		End owner = family(product, owners).orElse(null);
		String gazetteer = book.gazetteers().stream().filter(g -> g.kind() == Kind.VENDOR).flatMap(g -> g.names().stream())
			.filter(n -> product.length() > n.length() && product.startsWith(n.toLowerCase(Locale.ROOT))
					&& !runsOn(n.toLowerCase(Locale.ROOT),
					product.substring(n.length())))
			.findFirst().orElse(null);
		if (owner != null) {
			return !owner.key().equals(p.from().key());
		}
		return gazetteer != null && !p.from().name().equalsIgnoreCase(gazetteer)
				&& !sameAs.getOrDefault(p.from().name(), java.util.Set.of()).contains(gazetteer);
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
