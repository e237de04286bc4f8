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

	/** A verb in the clause of an industry that says a product is put to work there. */
	private static final Pattern SERVE_VERB = Pattern.compile(
			"面向|服务|应用于|应用在|应用到|运用于|用于|适用于|赋能|落地|助力|深入|深耕|聚焦|覆盖|切入|针对|专为|满足|帮助|协助|提供|支持|走进|走入|进入");

	/**
	 * A noun right after an industry (or a list of them) that makes it a field of use: "金融行业", "办公产品",
	 * "客服助手", "教育机构", "政务单位", "医疗、金融等领域".
	 */
	private static final String FIELD_NOUNS = "(行业|领域|场景|产业|业务|客户|用户|单位|机构|部门|企业|人员|从业者|工作者|主播|产品|助手|助理|应用|工具|方案|系统|平台|方向|类目|赛道|端)";

	private static final Pattern SERVE_NOUN = Pattern
		.compile("^\\s*(等等|等)?\\s*[^，,。；;：:、\\s的与和及或可以是在为对将把被从]{0,2}?" + FIELD_NOUNS);

	/** A noun later in the clause that names what the listed industries are: "“编程”“教育”和“生活方式”等类目". */
	private static final Pattern FIELD_LATER = Pattern.compile("领域|场景|行业|类目|方向");

	/** An industry written with its noun: "金融行业", "手机行业". */
	private static final Pattern FIELD_WITH_NOUN = Pattern.compile(FIELD_NOUNS + "$");

	/** Words that introduce examples of what was just named: "客服助手，譬如分期挽留助手、荐卡挽留助手". */
	private static final Pattern EXAMPLES = Pattern.compile("(譬如|比如|例如|诸如|包括)[：:]?\\s*[“\"「]?\\s*$");

	/** What a region does through its policies: "北京着力推动…", "上海强调…", "安徽从资源方面着手吸引…". */
	private static final Pattern POLICY_ACTION = Pattern
		.compile("政策|措施|方案|意见|规划|支持|推动|着力|强调|鼓励|提出|出台|印发|扶持|吸引|部署|布局");

	/** A sentence that puts a policy to work: issues, proposes or carries it out. */
	private static final Pattern POLICY_ISSUE = Pattern.compile("印发|发布|出台|颁布|制定|公布|提出|实施|落实|部署");

	private static final Pattern ISSUE = Pattern.compile("印发|发布|出台|颁布|制定|公布");

	private static final Pattern BUILD = Pattern.compile("基于|接入|依托|搭载|集成|底座|驱动|加持|支持");

	private static final Pattern RUN = Pattern.compile("基于|采用|使用|搭载|部署|训练|运行|适配|算力");

	private static final Pattern MAKE = Pattern.compile("推出|发布|研发|生产|制造|自研|设计|旗下");

	/** What may stand between a vendor and the product it makes: "科大讯飞的…", "百度公司—…", "华为旗下…". */
	private static final Pattern JOINER = Pattern
		.compile("\\s*(公司)?\\s*(的|之|—|－|-|–|：|:|旗下的?|推出的|发布的|自研的|研发的|开源的?)?\\s*[“\"「]?\\s*");

	/** What separates the names of a list: "A100、H100", "Qwen-72B、Qwen-1.8B 和 Qwen-Audio", "“编程”“教育”". */
	private static final Pattern LIST = Pattern
		.compile("\\s*[”\"」]?\\s*([、,，和与及]|以及)\\s*[“\"「]?\\s*|\\s*[”\"」]\\s*[“\"「]\\s*");

	/** What may stand between issuers and the title they issue: "科技部等六部门联合印发的《…》". */
	private static final Pattern ISSUER_GAP = Pattern
		.compile("[\\s、，,和与及]*(等[一二三四五六七八九十\\d]*(个)?部门)?\\s*(于\\s*[\\d\\s年月日]+)?(联合)?(印发|发布|出台|颁布|公布)?(了)?(的)?\\s*《?");

	/** "阿里云开源 Qwen-72B", "vivo 推出蓝心大模型": a release verb between a vendor and its product. */
	private static final Pattern DEVELOP_GAP = Pattern
		.compile("\\s*(也|还|又|已|正式|首次|先后|陆续|率先)?\\s*(推出|发布|自研|研发|开发|打造|上线|开源)(了)?\\s*[“\"「]?\\s*");

	private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月|(?<![\\d年])(\\d{1,2})\\s*月(?!\\s*[份底末初]?\\d)");

	/** How many sentences back a model or application still is what a sentence naming none is about. */
	/** What follows an effective date (自2025年9月1日起施行): not the date a policy was issued or a model released. */
	private static final Pattern EFFECTIVE = Pattern.compile("\\s*(?:\\d{1,2}\\s*日)?\\s*(?:起)?(?:施行|实施|生效|执行)");

	private static final int RECENT = 4;

	private final KnownGraph graph;

	/** Each region, vendor and industry with the compared forms of its names, to find them inside longer names. */
	private final Map<Known, List<String>> regions = new LinkedHashMap<>();

	private final Map<Known, List<String>> vendors = new LinkedHashMap<>();

	private final Map<Known, List<String>> industries = new LinkedHashMap<>();

	ProposalRules(KnownGraph graph) {
		this.graph = graph;
		for (Known k : graph.entities()) {
			if (k.kind() == Kind.REGION) {
				regions.put(k, keys(k));
			}
			else if (k.kind() == Kind.VENDOR) {
				vendors.put(k, keys(k));
			}
			else if (k.kind() == Kind.INDUSTRY) {
				industries.put(k, keys(k));
			}
		}
	}

	private static List<String> keys(Known known) {
		return known.names().stream().map(MentionLinker::key).filter(n -> n.length() >= 2).toList();
	}

	List<Proposal> propose(String documentId, String documentYear, List<Sentence> sentences, List<Mention> mentions,
			List<Candidate> candidates) {
		Map<Integer, List<Item>> bySentence = new java.util.TreeMap<>();
		Topic topic = new Topic();
		for (Mention m : withoutNested(mentions)) {
			if (!m.ambiguous()) {
				bySentence.computeIfAbsent(m.sentence(), k -> new ArrayList<>())
					.add(new Item(new End(m.ref(), m.kind(), m.name()), m.start(), m.end()));
				if (m.kind() == Kind.POLICY) {
					topic.policyIn(sentences.get(m.sentence()).section(), new End(m.ref(), m.kind(), m.name()));
				}
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
			topic.enter(s);
			new InSentence(s, items, date(s.text(), documentYear), found, topic).run();
			topic.remember(items, s);
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

	/** 2024年7月 as 2024-07; 7月 alone takes the document's year; an effective date is skipped. */
	static String date(String text, String documentYear) {
		Matcher m = DATE.matcher(text);
		boolean found = false;
		while (!found && m.find()) {
			found = !EFFECTIVE.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 10))).lookingAt();
		}
		if (!found) {
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

		/** The region named last in this paragraph: the place a paragraph about national policy is about. */
		private Item paragraphRegion;

		/** The model or application a recent sentence was about (its first one), and where. */
		private Item product;

		private int productSentence = -1;

		private String productSection;

		/** The policies each section names (the whole text when it has no numbered sections). */
		private final Map<String, List<End>> policies = new java.util.HashMap<>();

		void policyIn(String section, End policy) {
			List<End> named = policies.computeIfAbsent(String.valueOf(section), k -> new ArrayList<>());
			if (!named.contains(policy)) {
				named.add(policy);
			}
		}

		List<End> policies(String section) {
			return policies.getOrDefault(String.valueOf(section), List.of());
		}

		void enter(Sentence s) {
			if (s.paragraph() != paragraph) {
				lastSentence.clear();
				paragraphRegion = null;
				paragraph = s.paragraph();
			}
			if (!java.util.Objects.equals(s.section(), section)) {
				inSection.clear();
				section = s.section();
			}
		}

		void remember(List<Item> items, Sentence s) {
			lastSentence.clear();
			Item first = null;
			for (Item item : items) {
				if (!item.end().candidate()) {
					inSection.put(item.end().kind(), item);
					lastSentence.put(item.end().kind(), item);
					if (item.end().kind() == Kind.REGION) {
						paragraphRegion = item;
					}
					if (first == null && (item.end().kind() == Kind.MODEL || item.end().kind() == Kind.APPLICATION)) {
						first = item;
					}
				}
			}
			if (first != null) {
				product = first;
				productSentence = s.index();
				productSection = s.section();
			}
			remembered = s.index();
		}

		Item paragraphRegion() {
			return paragraphRegion;
		}

		/**
		 * The model or application named first in the last sentence that named one, if that sentence is one
		 * of the few before this one in the same section: what a sentence naming none is still about
		 * ("**政务单位领域**，赋能各级政务部门…" under a paragraph about a proofreading model).
		 */
		Item recentProduct(Sentence s) {
			return product != null && s.index() - productSentence <= RECENT
					&& java.util.Objects.equals(productSection, s.section()) ? product : null;
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
			serves(t);
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

		/**
		 * An industry, or a list of them, with a cue in its clause (a verb such as 面向, 服务于, 赋能, 为…提供, or a
		 * noun after it such as 行业, 领域, 场景, 产品, 助手, 机构) is served by the model or application the clause is
		 * about: the one in its clause, else (after "在…领域，") the next one, else the one before it in the
		 * sentence, else the next one, else the one a sentence just before was about. A list of products with a
		 * list of industries ("行业大模型如 A、B、C 等，针对金融、政务、医疗等特定行业") is a collective statement and
		 * proposes nothing; one product with a list, or a list with one industry, pairs each. Examples of the
		 * product that follow it ("…客服助手，譬如 A、B、C") serve its industries too.
		 */
		private void serves(String t) {
			List<List<Item>> products = lists(kinds(Kind.MODEL, Kind.APPLICATION));
			int[] clause = clauses(t);
			Item subject = null;
			boolean oneSubject = true;
			List<Item> served = new ArrayList<>();
			for (List<Item> fields : lists(kinds(Kind.INDUSTRY))) {
				if (!servesCue(fields, t, clause)) {
					continue;
				}
				List<Item> by = subjectOf(fields, products, clause, t);
				String rule = "serves-trigger";
				double confidence = 0.6;
				if (by == null) {
					Item recent = products.isEmpty() && !talksOfModels(t) ? topic.recentProduct(s) : null;
					if (recent == null) {
						continue;
					}
					by = List.of(new Item(recent.end(), fields.get(0).start(), fields.get(0).end_()));
					rule = "serves-recent-topic";
					confidence = 0.35;
					oneSubject = false;
				}
				else if (by.size() > 1 && fields.size() > 1) {
					continue;
				}
				for (Item product : by) {
					for (Item field : fields) {
						add(RelType.SERVES, product, field, rule, confidence, null);
					}
				}
				if (by.size() == 1 && rule.equals("serves-trigger")) {
					oneSubject &= subject == null || subject.start() == by.get(0).start();
					subject = by.get(0);
					served.addAll(fields);
				}
			}
			if (subject != null && oneSubject) {
				examples(subject, served, products, clause, t);
			}
			for (List<Item> list : products) {
				for (Item product : list) {
					for (Known industry : namedIn(industries, product.end().name() + " " + surface(product))) {
						add(RelType.SERVES, product, new Item(new End(industry.ref(), Kind.INDUSTRY, industry.name()),
								product.start(), product.end_()), "serves-industry-in-name", 0.5, null);
					}
				}
			}
		}

		/**
		 * Whether the sentence says 模型 outside the names it mentions: a sentence about models in general
		 * ("端侧大模型具有…", "要将大模型切实投入到…") is not about the product named before it.
		 */
		private boolean talksOfModels(String t) {
			StringBuilder rest = new StringBuilder(t);
			for (Item item : items) {
				for (int i = Math.max(0, item.start() - s.start()); i < Math.min(t.length(), item.end_() - s.start()); i++) {
					rest.setCharAt(i, ' ');
				}
			}
			return rest.indexOf("模型") >= 0;
		}

		private void examples(Item subject, List<Item> served, List<List<Item>> products, int[] clause, String t) {
			for (List<Item> list : products) {
				Item first = list.get(0);
				if (first.start() <= subject.end_()) {
					continue;
				}
				int from = Math.max(subject.end_(), clauseStart(clause, first)) - s.start();
				boolean introduced = EXAMPLES.matcher(t.substring(Math.max(0, from), first.start() - s.start())).find();
				boolean ownFields = items.stream()
					.anyMatch(i -> i.end().kind() == Kind.INDUSTRY && clauseOf(clause, i) == clauseOf(clause, first));
				if (introduced && !ownFields) {
					for (Item product : list) {
						for (Item field : served) {
							add(RelType.SERVES, product, field, "serves-examples", 0.35, null);
						}
					}
				}
			}
		}

		private boolean servesCue(List<Item> fields, String t, int[] clause) {
			for (Item field : fields) {
				int c = clauseOf(clause, field);
				int from = clauseStart(clause, field) - s.start();
				int to = from;
				while (to < t.length() && clause[to] == c) {
					to++;
				}
				if (SERVE_VERB.matcher(t.substring(from, to)).find()) {
					return true;
				}
			}
			Item last = fields.get(fields.size() - 1);
			int after = last.end_() - s.start();
			int clauseEnd = after;
			while (clauseEnd < t.length() && clause[clauseEnd] == clause[after - 1]) {
				clauseEnd++;
			}
			return fields.stream().anyMatch(f -> FIELD_WITH_NOUN.matcher(surface(f)).find())
					|| SERVE_NOUN.matcher(t.substring(after)).find()
					|| FIELD_LATER.matcher(t.substring(after, clauseEnd)).find();
		}

		/**
		 * The list of products a list of industries is about, or null when the sentence names none. A known
		 * product goes before a candidate name ("文修大模型是一款校对模型，为政务单位…").
		 */
		private List<Item> subjectOf(List<Item> fields, List<List<Item>> products, int[] clause, String t) {
			Item field = fields.get(0);
			Item lastField = fields.get(fields.size() - 1);
			List<List<Item>> here = products.stream()
				.filter(p -> groupOf(p.get(0)) == groupOf(field) && !p.get(0).end().candidate())
				.toList();
			if (here.isEmpty()) {
				here = products.stream().filter(p -> groupOf(p.get(0)) == groupOf(field)).toList();
			}
			if (here.isEmpty()) {
				return null;
			}
			List<Item> best = null;
			int distance = Integer.MAX_VALUE;
			for (List<Item> p : here) {
				for (Item product : p) {
					if (fields.stream().anyMatch(f -> clauseOf(clause, f) == clauseOf(clause, product))) {
						int d = product.start() < field.start() ? field.start() - product.end_() : product.start() - lastField.end_();
						if (d >= 0 && d < distance) {
							distance = d;
							best = p;
						}
					}
				}
			}
			if (best != null) {
				return best;
			}
			String framing = t.substring(clauseStart(clause, field) - s.start(), field.start() - s.start()).strip();
			List<Item> before = null;
			List<Item> after = null;
			for (List<Item> p : here) {
				if (p.get(p.size() - 1).end_() <= field.start()) {
					before = p;
				}
				else if (after == null && p.get(0).start() >= lastField.end_()) {
					after = p;
				}
			}
			if (framing.startsWith("在") && after != null) {
				return after;
			}
			return before != null ? before : after;
		}

		/** Runs of items of the given kinds written as a list ("金融、医疗和政务"), in text order. */
		private List<List<Item>> lists(Predicate<Item> kind) {
			List<List<Item>> out = new ArrayList<>();
			List<Item> current = null;
			Item previous = null;
			for (Item item : items) {
				if (!kind.test(item)) {
					if (previous != null && item.start() >= previous.end_()) {
						current = null;
					}
					continue;
				}
				if (current != null && LIST.matcher(between(previous, item)).matches()) {
					current.add(item);
				}
				else {
					current = new ArrayList<>();
					out.add(current);
					current.add(item);
				}
				previous = item;
			}
			return out;
		}

		private int clauseOf(int[] clause, Item item) {
			int at = item.start() - s.start();
			return at >= 0 && at < clause.length ? clause[at] : -1;
		}

		/** The text offset where the clause of the item begins. */
		private int clauseStart(int[] clause, Item item) {
			int at = Math.max(0, Math.min(clause.length - 1, item.start() - s.start()));
			int c = clause[at];
			while (at > 0 && clause[at - 1] == c) {
				at--;
			}
			return s.start() + at;
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

		/**
		 * A region named in the policy's title, or named in its sentence (before it: "北京市…印发《…》"; after it
		 * with a measure in between, as in a table row's content: "《…》…加快推动海淀区、朝阳区建设…"). A policy whose sentence names no region, in
		 * a sentence that issues or proposes it, covers the region its paragraph named last ("我国…。科技部等六
		 * 部门也于 2022 年印发《…》"). A sentence about what a region does through policy ("北京着力推动…"), naming
		 * no policy, is about the policies of that region (by their titles) that its section names.
		 */
		private void covers(String t) {
			boolean issues = ISSUE.matcher(t).find();
			boolean anyPolicy = false;
			boolean anyRegion = items.stream().anyMatch(kinds(Kind.REGION));
			for (Item policy : items) {
				if (policy.end().kind() != Kind.POLICY) {
					continue;
				}
				anyPolicy = true;
				List<Known> inTitle = namedIn(regions, policy.end().name() + " " + surface(policy));
				for (Known region : inTitle) {
					add(RelType.COVERS, policy, new Item(new End(region.ref(), Kind.REGION, region.name()), policy.start(),
							policy.end_()), "covers-region-in-title", 0.7, null);
				}
				for (Item region : items) {
					if (region.end().kind() == Kind.REGION && region.start() < policy.start()) {
						add(RelType.COVERS, policy, region, issues ? "covers-region-issuing" : "covers-region-in-sentence",
								issues ? 0.5 : 0.4, null);
					}
					else if (region.end().kind() == Kind.REGION && region.start() >= policy.end_()
							&& POLICY_ACTION.matcher(between(policy, region)).find()) {
						add(RelType.COVERS, policy, region, "covers-region-after", 0.35, null);
					}
				}
				Item topicRegion = topic.paragraphRegion();
				if (inTitle.isEmpty() && !anyRegion && topicRegion != null && POLICY_ISSUE.matcher(t).find()) {
					add(RelType.COVERS, policy, new Item(topicRegion.end(), policy.start(), policy.end_()),
							"covers-paragraph-region", 0.4, null);
				}
			}
			if (!anyPolicy && anyRegion && POLICY_ACTION.matcher(t).find()) {
				for (Item region : items) {
					if (region.end().kind() != Kind.REGION) {
						continue;
					}
					for (End policy : topic.policies(s.section())) {
						if (namedIn(regions, policy.name()).stream().anyMatch(r -> r.ref().equals(region.end().ref()))) {
							add(RelType.COVERS, new Item(policy, region.start(), region.end_()), region,
									"covers-section-policy-of-region", 0.35, null);
						}
					}
				}
			}
		}

		/** The entities among {@code known} that a name contains: the region in a policy's title, the industry in a product's name. */
		private List<Known> namedIn(Map<Known, List<String>> known, String name) {
			String key = MentionLinker.key(name);
			List<Known> out = new ArrayList<>();
			known.forEach((k, names) -> {
				if (names.stream().anyMatch(key::contains)) {
					out.add(k);
				}
			});
			return out;
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
			for (Map.Entry<Known, List<String>> vendor : vendors.entrySet()) {
				for (String k : vendor.getValue()) {
					if (k.length() > bestLength && key.length() > k.length() && key.startsWith(k)) {
						best = vendor.getKey();
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
					rule, confidence, existing, when, List.of(s.index()));
			String key = p.key() + "|" + s.index();
			Proposal before = found.get(key);
			if (before == null || before.confidence() < confidence) {
				found.put(key, p);
			}
		}

	}

	/** For each character, the clause it belongs to: clauses end at ，；：。！？ and their ASCII forms. */
	static int[] clauses(String t) {
		int[] clause = new int[t.length()];
		int current = 0;
		for (int i = 0; i < t.length(); i++) {
			clause[i] = current;
			if ("，,；;：:。！？!?".indexOf(t.charAt(i)) >= 0) {
				current++;
			}
		}
		return clause;
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
