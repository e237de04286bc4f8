package cn.landscape.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.landscape.catalog.Kind;
import cn.landscape.catalog.RelType;
import cn.landscape.document.KnownGraph.Known;
import cn.landscape.document.Proposal.End;

/**
 * Rules over each sentence that propose facts between its mentions and candidates: a trigger word and
 * the kinds of both ends, or two names written next to each other. A fact the graph already has is
 * proposed as extra evidence of it, not again.
 */
final class ProposalRules {

	/** A mention or candidate placed in its sentence. */
	record Item(End end, int start, int end_) {
	}

	private static final Pattern DEVELOP = Pattern.compile("推出|发布|自研|研发|开发|打造|上线|亮相|升级");

	private static final Pattern SERVE = Pattern.compile("面向|服务|应用于|应用在|赋能|落地|用于|助力|深入|聚焦|覆盖|场景|领域|行业");

	private static final Pattern ISSUE = Pattern.compile("印发|发布|出台|颁布|制定|公布");

	private static final Pattern BUILD = Pattern.compile("基于|接入|依托|搭载|集成|底座|驱动|加持|支持");

	private static final Pattern RUN = Pattern.compile("基于|采用|使用|搭载|部署|训练|运行|适配|算力");

	private static final Pattern MAKE = Pattern.compile("推出|发布|研发|生产|制造|自研|设计|旗下");

	/** What may stand between a vendor and the product it makes: "科大讯飞的…", "百度公司—…", "华为旗下…". */
	private static final Pattern JOINER = Pattern.compile("\\s*(公司)?\\s*(的|之|—|－|-|–|：|:|旗下的?|推出的|发布的|自研的|研发的)?\\s*");

	private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月|(?<![\\d年])(\\d{1,2})\\s*月(?!\\s*[份底末初]?\\d)");

	private final KnownGraph graph;

	private final List<Known> regions = new ArrayList<>();

	private final List<Known> vendors = new ArrayList<>();

	ProposalRules(KnownGraph graph) {
		this.graph = graph;
		for (Known k : graph.entities()) {
			if (k.kind() == Kind.REGION) {
				regions.add(k);
			}
			else if (k.kind() == Kind.VENDOR) {
				vendors.add(k);
			}
		}
	}

	List<Proposal> propose(String documentId, String documentYear, List<Sentence> sentences, List<Mention> mentions,
			List<Candidate> candidates) {
		Map<Integer, List<Item>> bySentence = new LinkedHashMap<>();
		for (Mention m : mentions) {
			if (!m.ambiguous()) {
				bySentence.computeIfAbsent(m.sentence(), k -> new ArrayList<>())
					.add(new Item(new End(m.ref(), m.kind(), m.name()), m.start(), m.end()));
			}
		}
		for (Candidate c : candidates) {
			if (c.kind() != null) {
				bySentence.computeIfAbsent(c.sentence(), k -> new ArrayList<>())
					.add(new Item(new End(null, c.kind(), c.name()), c.start(), c.end()));
			}
		}
		Map<String, Proposal> found = new LinkedHashMap<>();
		for (Map.Entry<Integer, List<Item>> entry : bySentence.entrySet()) {
			Sentence s = sentences.get(entry.getKey());
			List<Item> items = entry.getValue();
			items.sort(Comparator.comparingInt(Item::start));
			new InSentence(s, items, date(s.text(), documentYear), found).run();
		}
		List<Proposal> out = new ArrayList<>();
		int n = 0;
		for (Proposal p : found.values()) {
			out.add(p.withId(documentId + "-p" + ++n));
		}
		return out;
	}

	/** 2024年7月 as 2024-07; 7月 alone takes the document's year. */
	static String date(String text, String documentYear) {
		Matcher m = DATE.matcher(text);
		if (!m.find()) {
			return null;
		}
		String year = m.group(1) != null ? m.group(1) : documentYear;
		String month = m.group(2) != null ? m.group(2) : m.group(3);
		int mm = Integer.parseInt(month);
		if (year == null || mm < 1 || mm > 12) {
			return null;
		}
		return year + "-" + (mm < 10 ? "0" : "") + mm;
	}

	private final class InSentence {

		private final Sentence s;

		private final List<Item> items;

		private final String date;

		private final Map<String, Proposal> found;

		InSentence(Sentence s, List<Item> items, String date, Map<String, Proposal> found) {
			this.s = s;
			this.items = items;
			this.date = date;
			this.found = found;
		}

		void run() {
			String t = s.text();
			develops(t);
			pairNearest(RelType.SERVES, kinds(Kind.INDUSTRY), kinds(Kind.MODEL, Kind.APPLICATION), SERVE, t, "serves-trigger",
					0.6, true);
			issuedBy(t);
			covers(t);
			pairNearest(RelType.BUILT_ON, kinds(Kind.APPLICATION), kinds(Kind.MODEL), BUILD, t, "built-on-trigger", 0.6,
					false);
			pairNearest(RelType.RUNS_ON, kinds(Kind.MODEL, Kind.APPLICATION, Kind.FACILITY), kinds(Kind.CHIP), RUN, t,
					"runs-on-trigger", 0.55, false);
			madeBy(t);
		}

		/** Vendor next to its product ("科大讯飞的讯飞星火"), a vendor's name opening the product's, or a trigger. */
		private void develops(String t) {
			Predicate<Item> product = kinds(Kind.MODEL, Kind.APPLICATION, Kind.CHIP, Kind.FACILITY);
			for (int i = 0; i + 1 < items.size(); i++) {
				Item a = items.get(i);
				Item b = items.get(i + 1);
				if (a.end().kind() == Kind.VENDOR && product.test(b) && b.end().kind() != Kind.CHIP
						&& JOINER.matcher(between(a, b)).matches()) {
					add(RelType.DEVELOPS, a, b, "develops-adjacent", 0.75, date);
				}
			}
			for (Item p : items) {
				if (product.test(p) && p.end().kind() != Kind.CHIP) {
					Known maker = vendorOpening(surface(p));
					if (maker != null) {
						add(RelType.DEVELOPS, new Item(new End(maker.ref(), Kind.VENDOR, maker.name()), p.start(), p.start()),
								p, "develops-vendor-in-name", 0.6, date);
					}
				}
			}
			pairNearest(RelType.DEVELOPS, kinds(Kind.MODEL, Kind.APPLICATION), kinds(Kind.VENDOR), DEVELOP, t,
					"develops-trigger", 0.6, true);
		}

		private void issuedBy(String t) {
			if (!ISSUE.matcher(t).find()) {
				return;
			}
			for (Item policy : items) {
				if (policy.end().kind() != Kind.POLICY) {
					continue;
				}
				for (Item body : items) {
					if (body.end().kind() == Kind.BODY && body.start() < policy.start()) {
						add(RelType.ISSUED_BY, policy, body, "issued-by-trigger", 0.7, date);
					}
				}
			}
		}

		/** A region named in the policy's title, or named before the policy in a sentence that issues it. */
		private void covers(String t) {
			boolean issues = ISSUE.matcher(t).find();
			for (Item policy : items) {
				if (policy.end().kind() != Kind.POLICY) {
					continue;
				}
				String title = MentionLinker.key(policy.end().name() + " " + surface(policy));
				for (Known region : regions) {
					if (region.names().stream().map(MentionLinker::key).anyMatch(n -> n.length() >= 2 && title.contains(n))) {
						add(RelType.COVERS, policy, new Item(new End(region.ref(), Kind.REGION, region.name()), policy.start(),
								policy.end_()), "covers-region-in-title", 0.7, null);
					}
				}
				for (Item region : items) {
					if (issues && region.end().kind() == Kind.REGION && region.start() < policy.start()) {
						add(RelType.COVERS, policy, region, "covers-region-issuing", 0.5, null);
					}
				}
			}
		}

		private void madeBy(String t) {
			for (int i = 0; i + 1 < items.size(); i++) {
				Item a = items.get(i);
				Item b = items.get(i + 1);
				if (a.end().kind() == Kind.VENDOR && b.end().kind() == Kind.CHIP && JOINER.matcher(between(a, b)).matches()) {
					add(RelType.MADE_BY, b, a, "made-by-adjacent", 0.8, null);
				}
			}
			for (Item chip : items) {
				if (chip.end().kind() == Kind.CHIP) {
					Known maker = vendorOpening(surface(chip));
					if (maker != null) {
						add(RelType.MADE_BY, chip, new Item(new End(maker.ref(), Kind.VENDOR, maker.name()), chip.start(),
								chip.start()), "made-by-vendor-in-name", 0.7, null);
					}
				}
			}
			pairNearest(RelType.MADE_BY, kinds(Kind.CHIP), kinds(Kind.VENDOR), MAKE, t, "made-by-trigger", 0.5, false);
		}

		/**
		 * With a trigger in the sentence, each anchor (each industry listed, each model named) is paired with
		 * the nearest item of the other kind; {@code anchorIsTo} says which end of the fact the anchor is.
		 */
		private void pairNearest(RelType type, Predicate<Item> anchorKind, Predicate<Item> otherKind, Pattern trigger,
				String t, String rule, double confidence, boolean anchorIsTo) {
			if (!trigger.matcher(t).find()) {
				return;
			}
			for (Item anchor : items) {
				if (!anchorKind.test(anchor)) {
					continue;
				}
				Item nearest = null;
				int distance = Integer.MAX_VALUE;
				for (Item other : items) {
					if (other != anchor && otherKind.test(other)) {
						int d = other.start() < anchor.start() ? anchor.start() - other.end_() : other.start() - anchor.end_();
						if (d >= 0 && d < distance) {
							distance = d;
							nearest = other;
						}
					}
				}
				if (nearest == null) {
					continue;
				}
				String when = type == RelType.DEVELOPS ? date : null;
				if (anchorIsTo) {
					add(type, nearest, anchor, rule, confidence, when);
				}
				else {
					add(type, anchor, nearest, rule, confidence, when);
				}
			}
		}

		private String between(Item a, Item b) {
			int from = a.end_() - s.start();
			int to = b.start() - s.start();
			return from <= to ? s.text().substring(from, to) : "";
		}

		private String surface(Item item) {
			return s.text().substring(item.start() - s.start(), item.end_() - s.start());
		}

		private Known vendorOpening(String name) {
			String key = MentionLinker.key(name);
			Known best = null;
			int bestLength = 0;
			for (Known vendor : vendors) {
				for (String n : vendor.names()) {
					String k = MentionLinker.key(n);
					if (k.length() >= 2 && k.length() > bestLength && key.length() > k.length() && key.startsWith(k)) {
						best = vendor;
						bestLength = k.length();
					}
				}
			}
			return best;
		}

		private void add(RelType type, Item from, Item to, String rule, double confidence, String when) {
			if (!type.from().contains(from.end().kind()) || !type.to().contains(to.end().kind())
					|| from.end().key().equals(to.end().key())) {
				return;
			}
			boolean existing = !from.end().candidate() && !to.end().candidate()
					&& graph.hasFact(from.end().ref(), type.name(), to.end().ref());
			int lo = Math.min(from.start(), to.start());
			int hi = Math.max(from.end_(), to.end_());
			Proposal p = new Proposal(null, type, from.end(), to.end(), Quotes.around(s, lo, hi), s.index(), s.section(),
					rule, confidence, existing, when);
			String key = p.key() + "|" + s.index();
			Proposal before = found.get(key);
			if (before == null || before.confidence() < confidence) {
				found.put(key, p);
			}
		}

	}

	private static Predicate<Item> kinds(Kind... kinds) {
		Set<Kind> set = Set.of(kinds);
		return item -> set.contains(item.end().kind());
	}

}
