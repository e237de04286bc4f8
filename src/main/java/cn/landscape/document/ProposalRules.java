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

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
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

	private static final Pattern DEVELOP = Pattern.compile("推出|发布|自研|研发|研制|开发|打造|上线|亮相|升级|开源");

	private static final Pattern SERVE = Pattern.compile("面向|服务|应用于|应用在|赋能|落地|用于|助力|深入|聚焦|覆盖|场景|领域|行业");

	private static final Pattern ISSUE = Pattern.compile("印发|发布|出台|颁布|制定|公布");

	private static final Pattern BUILD = Pattern.compile("基于|接入|依托|搭载|集成|底座|驱动|加持|支持");

	private static final Pattern RUN = Pattern.compile("基于|采用|使用|搭载|部署|训练|运行|适配|算力");

	private static final Pattern MAKE = Pattern.compile("推出|发布|研发|生产|制造|自研|设计|旗下");

	/** What may stand between a vendor and the product it makes: "科大讯飞的…", "百度公司—…", "华为旗下…". */
	private static final Pattern JOINER = Pattern
		.compile("\\s*(公司)?\\s*(的|之|—|－|-|–|：|:|旗下的?|推出的|发布的|自研的|研发的|开源的?)?\\s*[“\"「]?\\s*");

	/** What separates the names of a list: "A100、H100", "Qwen-72B、Qwen-1.8B 和 Qwen-Audio". */
	private static final Pattern LIST = Pattern.compile("\\s*[”\"」]?\\s*([、,，和与及]|以及)\\s*[“\"「]?\\s*");

	/** What may stand between issuers and the title they issue: "科技部等六部门联合印发的《…》". */
	private static final Pattern ISSUER_GAP = Pattern
		.compile("[\\s、，,和与及]*(等[一二三四五六七八九十\\d]*(个)?部门)?\\s*(于\\s*[\\d\\s年月日]+)?(联合)?(印发|发布|出台|颁布|公布)?(了)?(的)?\\s*《?");

	/** "阿里云开源 Qwen-72B", "vivo 推出蓝心大模型": a release verb between a vendor and its product. */
	private static final Pattern DEVELOP_GAP = Pattern
		.compile("\\s*(也|还|又|已|正式|首次|先后|陆续|率先)?\\s*(推出|发布|自研|研发|开发|打造|上线|开源)(了)?\\s*[“\"「]?\\s*");

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
		for (Mention m : withoutNested(mentions)) {
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
		Topic topic = new Topic();
		for (Map.Entry<Integer, List<Item>> entry : bySentence.entrySet()) {
			Sentence s = sentences.get(entry.getKey());
			List<Item> items = entry.getValue();
			items.sort(Comparator.comparingInt(Item::start));
			topic.enter(s);
			new InSentence(s, items, date(s.text(), documentYear), found, topic).run();
			topic.remember(items, s.index());
		}
		List<Proposal> out = new ArrayList<>();
		int n = 0;
		for (Proposal p : found.values()) {
			out.add(p.withId(documentId + "-p" + ++n));
		}
		return out;
	}

	/**
	 * A name nested in a longer one (the vendor opening "科大讯飞星火") is not a separate end here: the
	 * vendor-in-name rules read it from the longer name.
	 */
	private static List<Mention> withoutNested(List<Mention> mentions) {
		List<Mention> out = new ArrayList<>(mentions.size());
		for (int i = 0; i < mentions.size(); i++) {
			Mention m = mentions.get(i);
			boolean nested = false;
			for (int j = Math.max(0, i - 2); j < Math.min(mentions.size(), i + 3) && !nested; j++) {
				Mention o = mentions.get(j);
				nested = j != i && o.start() <= m.start() && o.end() >= m.end() && o.end() - o.start() > m.end() - m.start();
			}
			if (!nested) {
				out.add(m);
			}
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

	/**
	 * The vendor, model or application a paragraph is about: the one named in the sentence just before.
	 * A sentence that names only the other end ("赋能企业搭建专属智能客服") is read as about it.
	 */
	private static final class Topic {

		private final Map<Kind, Item> inSection = new java.util.EnumMap<>(Kind.class);

		private final Map<Kind, Item> lastSentence = new java.util.EnumMap<>(Kind.class);

		private int remembered = -2;

		private int paragraph = -1;

		private String section;

		void enter(Sentence s) {
			if (s.paragraph() != paragraph) {
				lastSentence.clear();
				paragraph = s.paragraph();
			}
			if (!java.util.Objects.equals(s.section(), section)) {
				inSection.clear();
				section = s.section();
			}
		}

		void remember(List<Item> items, int sentence) {
			lastSentence.clear();
			for (Item item : items) {
				if (!item.end().candidate()) {
					inSection.put(item.end().kind(), item);
					lastSentence.put(item.end().kind(), item);
				}
			}
			remembered = sentence;
		}

		/** The topic only carries to the very next sentence of the paragraph. */
		Item paragraph(Kind kind, int sentence) {
			return remembered == sentence - 1 ? lastSentence.get(kind) : null;
		}

		Item section(Kind kind) {
			return inSection.get(kind);
		}
	}

	private final class InSentence {

		private final Sentence s;

		private final List<Item> items;

		private final String date;

		private final Map<String, Proposal> found;

		private final Topic topic;

		private final int[] group;

		InSentence(Sentence s, List<Item> items, String date, Map<String, Proposal> found, Topic topic) {
			this.s = s;
			this.items = items;
			this.date = date;
			this.found = found;
			this.topic = topic;
			this.group = parentheses(s.text());
		}

		void run() {
			String t = s.text();
			develops(t);
			pairNearest(RelType.SERVES, kinds(Kind.INDUSTRY), kinds(Kind.MODEL, Kind.APPLICATION), SERVE, t, "serves-trigger",
					0.6, true);
			fromTopic(RelType.SERVES, kinds(Kind.INDUSTRY), SERVE, t, true, "serves-paragraph-topic", Kind.APPLICATION,
					Kind.MODEL);
			issuedBy(t);
			covers(t);
			pairNearest(RelType.BUILT_ON, kinds(Kind.APPLICATION), kinds(Kind.MODEL), BUILD, t, "built-on-trigger", 0.6,
					false);
			builtOnSectionModel();
			pairNearest(RelType.RUNS_ON, kinds(Kind.MODEL, Kind.APPLICATION, Kind.FACILITY), kinds(Kind.CHIP), RUN, t,
					"runs-on-trigger", 0.55, false);
			madeBy(t);
		}

		/** Vendor next to its product ("科大讯飞的讯飞星火"), a vendor's name opening the product's, or a trigger. */
		private void develops(String t) {
			Predicate<Item> product = kinds(Kind.MODEL, Kind.APPLICATION, Kind.FACILITY);
			for (Item[] pair : adjacent(kinds(Kind.VENDOR), product)) {
				add(RelType.DEVELOPS, pair[0], pair[1], "develops-adjacent", 0.75, date);
			}
			respectively(RelType.DEVELOPS, kinds(Kind.VENDOR), kinds(Kind.MODEL, Kind.APPLICATION), t);
			for (Item p : items) {
				if (product.test(p) && p.end().kind() != Kind.CHIP) {
					Known maker = vendorOpening(surface(p));
					if (maker != null) {
						add(RelType.DEVELOPS, new Item(new End(maker.ref(), Kind.VENDOR, maker.name()), p.start(), p.start()),
								p, "develops-vendor-in-name", 0.6, date);
					}
				}
			}
			if (!t.contains("分别")) {
				pairNearest(RelType.DEVELOPS, kinds(Kind.MODEL, Kind.APPLICATION), kinds(Kind.VENDOR), DEVELOP, t,
						"develops-trigger", 0.6, true);
			}
			fromTopic(RelType.DEVELOPS, kinds(Kind.MODEL, Kind.APPLICATION), DEVELOP, t, true, "develops-paragraph-topic",
					Kind.VENDOR);
		}

		/** "A 和 B 分别发布了 X 与 Y": the n-th of one list with the n-th of the other. */
		private void respectively(RelType type, Predicate<Item> fromKind, Predicate<Item> toKind, String t) {
			int at = t.indexOf("分别");
			if (at < 0) {
				return;
			}
			int split = s.start() + at;
			List<Item> before = items.stream().filter(i -> i.start() < split && fromKind.test(i)).toList();
			List<Item> after = items.stream().filter(i -> i.start() > split && toKind.test(i)).toList();
			if (before.size() == after.size() && before.size() > 1) {
				for (int i = 0; i < before.size(); i++) {
					add(type, before.get(i), after.get(i), "develops-respectively", 0.7, date);
				}
			}
		}

		/**
		 * A vendor written right before its product, or before a list of them: "英伟达的 A100、H100",
		 * "阿里云开源 Qwen-72B、Qwen-1.8B". Returns [vendor, product] pairs.
		 */
		private List<Item[]> adjacent(Predicate<Item> ownerKind, Predicate<Item> productKind) {
			List<Item[]> pairs = new ArrayList<>();
			for (int i = 0; i + 1 < items.size(); i++) {
				Item owner = items.get(i);
				if (!ownerKind.test(owner)) {
					continue;
				}
				Item previous = owner;
				for (int j = i + 1; j < items.size() && productKind.test(items.get(j)); j++) {
					Item next = items.get(j);
					String gap = between(previous, next);
					boolean joined = previous == owner ? JOINER.matcher(gap).matches() || DEVELOP_GAP.matcher(gap).matches()
							: LIST.matcher(gap).matches();
					if (!joined) {
						break;
					}
					pairs.add(new Item[] { owner, next });
					previous = next;
				}
			}
			return pairs;
		}

		/**
		 * With a trigger and the one end in this sentence but not the other, the other is the paragraph's
		 * topic: the last entity of that kind named earlier in the paragraph.
		 */
		private void fromTopic(RelType type, Predicate<Item> present, Pattern trigger, String t, boolean presentIsTo,
				String rule, Kind... topicKinds) {
			if (!trigger.matcher(t).find() || items.stream().anyMatch(kinds(topicKinds))) {
				return;
			}
			Item subject = null;
			for (Kind k : topicKinds) {
				Item candidate = topic.paragraph(k, s.index());
				if (candidate != null && (subject == null || candidate.start() > subject.start())) {
					subject = candidate;
				}
			}
			if (subject == null) {
				return;
			}
			for (Item item : items) {
				if (present.test(item)) {
					Item here = new Item(subject.end(), item.start(), item.end_());
					if (presentIsTo) {
						add(type, here, item, rule, 0.4, type == RelType.DEVELOPS ? date : null);
					}
					else {
						add(type, item, here, rule, 0.4, null);
					}
				}
			}
		}

		/** An application named in a section about a model, with no model in its sentence, is built on it. */
		private void builtOnSectionModel() {
			if (items.stream().anyMatch(kinds(Kind.MODEL))) {
				return;
			}
			Item model = topic.section(Kind.MODEL);
			if (model == null || s.section() == null) {
				return;
			}
			for (Item app : items) {
				if (app.end().kind() == Kind.APPLICATION) {
					add(RelType.BUILT_ON, app, new Item(model.end(), app.start(), app.end_()), "built-on-section-topic", 0.35,
							null);
				}
			}
		}

		/**
		 * Issuers written right before the title ("北京市人民政府 《…》", "科技部等六部门联合印发《…》"), or
		 * named between the previous title and this one in a sentence that issues it.
		 */
		private void issuedBy(String t) {
			boolean issues = ISSUE.matcher(t).find();
			int previousPolicy = s.start();
			for (int i = 0; i < items.size(); i++) {
				Item policy = items.get(i);
				if (policy.end().kind() != Kind.POLICY) {
					continue;
				}
				Item next = policy;
				for (int j = i - 1; j >= 0 && items.get(j).end().kind() == Kind.BODY; j--) {
					Item body = items.get(j);
					if (!ISSUER_GAP.matcher(between(body, next)).matches()) {
						break;
					}
					add(RelType.ISSUED_BY, policy, body, "issued-by-adjacent", 0.75, date);
					next = body;
				}
				for (Item body : items) {
					if (issues && body.end().kind() == Kind.BODY && body.start() < policy.start()
							&& body.start() >= previousPolicy) {
						add(RelType.ISSUED_BY, policy, body, "issued-by-trigger", 0.7, date);
					}
				}
				previousPolicy = policy.end_();
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
					if (region.end().kind() == Kind.REGION && region.start() < policy.start()) {
						add(RelType.COVERS, policy, region, issues ? "covers-region-issuing" : "covers-region-in-sentence",
								issues ? 0.5 : 0.4, null);
					}
				}
			}
		}

		private void madeBy(String t) {
			for (Item[] pair : adjacent(kinds(Kind.VENDOR), kinds(Kind.CHIP))) {
				add(RelType.MADE_BY, pair[1], pair[0], "made-by-adjacent", 0.8, null);
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

		private int groupOf(Item item) {
			int at = item.start() - s.start();
			return at >= 0 && at < group.length ? group[at] : 0;
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
					|| from.end().key().equals(to.end().key()) || groupOf(from) != groupOf(to)) {
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

	/**
	 * For each character, the parenthesised aside it sits in (0 outside any): names inside "（…）" describe
	 * something else than the sentence around them, so facts never join the inside to the outside.
	 */
	static int[] parentheses(String t) {
		int[] group = new int[t.length()];
		int depth = 0;
		int current = 0;
		int count = 0;
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (c == '（' || c == '(') {
				if (depth++ == 0) {
					current = ++count;
				}
			}
			group[i] = depth > 0 ? current : 0;
			if ((c == '）' || c == ')') && depth > 0 && --depth == 0) {
				current = 0;
			}
		}
		return group;
	}

	private static Predicate<Item> kinds(Kind... kinds) {
		Set<Kind> set = Set.of(kinds);
		return item -> set.contains(item.end().kind());
	}

}
