package cn.landscape.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.landscape.document.KnownGraph.Known;
import cn.landscape.document.RuleBook.Gazetteer;
import cn.landscape.document.RuleBook.Shape;
import cn.landscape.entity.Kind;

/**
 * Candidates from the rules kept as data (rules/names.yaml, gazetteer.yaml, contexts.yaml): Latin and
 * alphanumeric names with exact edges, appositions, people after their title, organisations and events by
 * their last word, releases of a known model (文心大模型4.5), and the gazetteer. Where two overlap the
 * longer wins; a name that cuts a known name in two is no name.
 */
final class NameRules {

	private static final String VERSION = "version-after-known-model";

	private static final Pattern LATIN_WORD = Pattern.compile("^([A-Za-z]+) ");

	/** The version that ends a Latin name: R1 of DeepSeek-R1, K2 of Kimi K2. */
	private static final Pattern TAIL = Pattern.compile("[A-Za-z][A-Za-z0-9.]*[- ]([A-Za-z]{1,2}\\d+(?:\\.\\d+)?)");

	private final RuleBook book;

	private final CandidateFilters filters;

	/** Known models' one-word Latin names (Qwen, Hunyuan), lower case: a version may follow them. */
	private final List<String> latinModels = new ArrayList<>();

	private final List<String> modelFamilies = new ArrayList<>();

	private final Shape version;

	private final Set<String> notNames;

	private final List<String> leftStops;

	private final Set<String> legalSuffixes;

	NameRules(KnownGraph graph, RuleBook book, CandidateFilters filters) {
		this.book = book;
		this.filters = filters;
		for (Known k : graph.entities()) {
			if (k.kind() == Kind.MODEL) {
				k.names().stream().filter(n -> n.matches("[A-Za-z]{3,}"))
					.forEach(n -> latinModels.add(n.toLowerCase(java.util.Locale.ROOT)));
			}
		}
		this.notNames = new HashSet<>(book.stop("not-names").words());
		this.leftStops = book.stop("name-left-stops").words();
		this.legalSuffixes = new HashSet<>(book.stop("legal-suffixes").words());
		this.version = book.shapes().stream().filter(x -> x.name().equals(VERSION)).findFirst().orElseThrow();
		book.gazetteers().stream().filter(g -> g.kind() == Kind.MODEL).forEach(g -> modelFamilies.addAll(g.names()));
	}

	List<Candidate> find(List<Sentence> sentences, List<Mention> mentions) {
		Map<Integer, List<Mention>> bySentence = mentions.stream().collect(Collectors.groupingBy(Mention::sentence));
		List<Candidate> found = new ArrayList<>();
		for (Sentence s : sentences) {
			List<Mention> in = bySentence.getOrDefault(s.index(), List.of());
			shapes(s, in, found);
			gazetteer(s, found);
			versions(s, in, found);
		}
		found = oneSensePerText(found);
		found.addAll(shortForms(sentences, found));
		Map<Integer, List<Candidate>> foundIn = found.stream().collect(Collectors.groupingBy(Candidate::sentence));
		List<Candidate> kept = new ArrayList<>();
		for (Sentence s : sentences) {
			List<Candidate> here = new ArrayList<>(foundIn.getOrDefault(s.index(), List.of()));
			here.sort(Comparator.<Candidate>comparingInt(c -> c.start() - c.end()).thenComparingInt(Candidate::start));
			List<Candidate> chosen = new ArrayList<>();
			for (Candidate c : here) {
				if (chosen.stream().noneMatch(k -> k.start() < c.end() && c.start() < k.end())
						&& fits(c, bySentence.getOrDefault(s.index(), List.of()))) {
					chosen.add(c);
				}
			}
			chosen.sort(Comparator.comparingInt(Candidate::start));
			kept.addAll(chosen);
		}
		return kept;
	}

	/** A name no word around it gave a kind takes the kind the same name has elsewhere in the text. */
	private static List<Candidate> oneSensePerText(List<Candidate> found) {
		Map<String, Kind> kinds = new java.util.HashMap<>();
		found.stream().filter(c -> c.kind() != null).forEach(c -> kinds.putIfAbsent(c.name(), c.kind()));
		List<Candidate> out = new ArrayList<>();
		for (Candidate c : found) {
			Kind kind = c.kind() != null ? c.kind() : kinds.get(c.name());
			if (kind != null) {
				out.add(new Candidate(c.name(), kind, c.start(), c.end(), c.sentence(), c.rule()));
			}
		}
		return out;
	}

	/**
	 * DeepSeek-R1 written later as R1, Kimi K2 as K2: the version alone, where it names one thing only in
	 * the text, is a candidate under the full name.
	 */
	private static List<Candidate> shortForms(List<Sentence> sentences, List<Candidate> found) {
		Map<String, Candidate> byTail = new java.util.HashMap<>();
		Set<String> ambiguous = new HashSet<>();
		for (Candidate c : found) {
			Matcher m = TAIL.matcher(c.name());
			if ((c.kind() == Kind.MODEL || c.kind() == Kind.CHIP) && m.matches()) {
				Candidate before = byTail.putIfAbsent(m.group(1), c);
				if (before != null && !before.name().equals(c.name())) {
					ambiguous.add(m.group(1));
				}
			}
		}
		ambiguous.forEach(byTail::remove);
		List<Candidate> out = new ArrayList<>();
		for (Sentence s : sentences) {
			String t = s.text();
			byTail.forEach((tail, c) -> {
				for (int i = t.indexOf(tail); i >= 0; i = t.indexOf(tail, i + 1)) {
					int end = i + tail.length();
					if (edge(t, i - 1) && edge(t, end) && !(end + 1 < t.length() && t.charAt(end) == '.'
							&& Character.isDigit(t.charAt(end + 1)))) {
						out.add(new Candidate(c.name(), c.kind(), s.start() + i, s.start() + end, s.index(), "short-form"));
					}
				}
			});
		}
		return out;
	}

	private static boolean edge(String t, int at) {
		return latinEdge(t, at) && (at < 0 || at >= t.length() || t.charAt(at) != '-' && t.charAt(at) != '.');
	}

	/** Not inside a known name, not cutting one in two, and not a known name with a legal suffix. */
	private boolean fits(Candidate c, List<Mention> mentions) {
		for (Mention m : mentions) {
			boolean overlaps = m.start() < c.end() && c.start() < m.end();
			boolean inside = c.start() <= m.start() && m.end() <= c.end();
			if (overlaps && (!inside || m.start() == c.start() && m.end() == c.end())) {
				return false;
			}
			if (inside && m.kind() == c.kind() && (c.kind() == Kind.VENDOR || c.kind() == Kind.BODY)) {
				String rest = (c.name().substring(0, Math.max(0, m.start() - c.start()))
						+ c.name().substring(Math.min(c.name().length(), m.end() - c.start()))).strip();
				if (rest.isEmpty() || legalSuffixes.contains(rest)) {
					return false;
				}
			}
		}
		return true;
	}

	private void shapes(Sentence s, List<Mention> in, List<Candidate> out) {
		String t = s.text();
		for (Shape shape : book.shapes()) {
			if (shape.name().equals(VERSION) || !shape.triedOn(t)) {
				continue;
			}
			Matcher m = shape.pattern().matcher(t);
			while (m.find()) {
				int start = group(m, "name") >= 0 ? m.start("name") : m.start();
				int end = group(m, "name") >= 0 ? m.end("name") : m.end();
				if (group(m, "alias") >= 0) {
					start = afterLeftStops(t, start, end);
					String alias = m.group("alias");
					if (leftStops.stream().anyMatch(alias::contains)) {
						continue; // an aside (华为发布的测试集), not a second name
					}
					Kind kind = appositionKind(t, m, start);
					add(s, t, start, end, kind, shape, out);
					add(s, t, m.start("alias"), m.end("alias"), kind, shape, out);
					continue;
				}
				Kind kind = shape.kind() != null ? shape.kind() : filters.context(t, start, end, shape.otherwise());
				if (kind == null && opensWithVendor(s, in, start, end)) {
					kind = Kind.MODEL; // OpenAI o1: a company's name and a version
				}
				if (shape.kind() == Kind.VENDOR || shape.kind() == Kind.BODY || shape.kind() == Kind.EVENT) {
					start = afterLeftStops(t, start, end);
				}
				add(s, t, start, end, kind, shape, out);
			}
		}
	}

	private static boolean opensWithVendor(Sentence s, List<Mention> in, int start, int end) {
		return in.stream().anyMatch(m -> m.kind() == Kind.VENDOR && m.start() - s.start() == start && m.end() - s.start() < end);
	}

	private static int group(Matcher m, String name) {
		return m.pattern().pattern().contains("(?<" + name + ">") ? m.start(name) : -1;
	}

	/** 总部位于杭州的深度求索（DeepSeek）: the Chinese name starts after the last stop word. */
	private int afterLeftStops(String t, int start, int end) {
		int at = start;
		for (String stop : leftStops) {
			int i = t.lastIndexOf(stop, end - 1);
			if (i >= start && i + stop.length() < end - 1) {
				at = Math.max(at, i + stop.length());
			}
		}
		return at;
	}

	private Kind appositionKind(String t, Matcher m, int nameStart) {
		for (String side : List.of(t.substring(nameStart, m.end("name")), m.group("alias"))) {
			for (Gazetteer g : book.gazetteers()) {
				if (g.names().contains(side.strip())) {
					return g.kind();
				}
			}
		}
		String han = m.group("name").matches("\\p{IsHan}.*") ? t.substring(nameStart, m.end("name")) : m.group("alias");
		if (han.endsWith("模型")) {
			return Kind.MODEL;
		}
		return filters.context(t, m.end(), m.end(), Kind.VENDOR);
	}

	private void gazetteer(Sentence s, List<Candidate> out) {
		String t = s.text();
		for (Gazetteer g : book.gazetteers()) {
			for (String name : g.names()) {
				for (int i = t.indexOf(name); i >= 0; i = t.indexOf(name, i + 1)) {
					if (latinEdge(t, i - 1) && latinEdge(t, i + name.length())) {
						out.add(new Candidate(name, g.kind(), s.start() + i, s.start() + i + name.length(), s.index(),
								g.name()));
					}
				}
			}
		}
	}

	private static boolean latinEdge(String t, int at) {
		return at < 0 || at >= t.length() || !(t.charAt(at) < 128 && Character.isLetterOrDigit(t.charAt(at)));
	}

	/** A known model's name, or a gazetteer family's, followed by a version: a release of it. */
	private void versions(Sentence s, List<Mention> in, List<Candidate> out) {
		Shape shape = version;
		String t = s.text();
		List<int[]> families = new ArrayList<>();
		in.stream().filter(m -> m.kind() == Kind.MODEL).forEach(m -> families.add(new int[] { m.start() - s.start(), m.end() - s.start() }));
		String lower = t.toLowerCase(java.util.Locale.ROOT);
		for (String key : latinModels) {
			for (int i = lower.indexOf(key); i >= 0; i = lower.indexOf(key, i + 1)) {
				if (latinEdge(t, i - 1)) {
					families.add(new int[] { i, i + key.length() });
				}
			}
		}
		for (String n : modelFamilies) {
			for (int i = t.indexOf(n); i >= 0; i = t.indexOf(n, i + 1)) {
				families.add(new int[] { i, i + n.length() });
			}
		}
		for (int[] f : families) {
			Matcher m = shape.pattern().matcher(t).region(f[1], t.length());
			if (m.lookingAt() && m.end() > f[1]) {
				add(s, t, f[0], m.end(), Kind.MODEL, shape, out);
			}
		}
	}

	private void add(Sentence s, String t, int start, int end, Kind kind, Shape shape, List<Candidate> out) {
		String name = t.substring(start, end).strip();
		Matcher lead = LATIN_WORD.matcher(name);
		while (lead.find() && notNames.contains(lead.group(1))) {
			start += lead.end();
			name = t.substring(start, end).strip();
			lead = LATIN_WORD.matcher(name);
		}
		if (name.length() < 2 || notNames.contains(name)) {
			return;
		}
		out.add(new Candidate(name, kind, s.start() + start, s.start() + start + name.length(), s.index(), shape.name()));
	}

}
