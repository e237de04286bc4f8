package cn.landscape.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

import cn.landscape.entity.Kind;
import cn.landscape.document.KnownGraph.Known;

/**
 * Finds every name and alias of every known entity with one Aho-Corasick automaton. The text and the
 * names are compared without whitespace and in lower case (documents write "AI 大模型" and "AI大模型");
 * overlapping matches keep the longest; a Latin or digit edge must sit on a word boundary. An alias
 * shared by several entities is decided by context, otherwise reported ambiguous.
 */
final class MentionLinker {

	private final KnownGraph graph;

	private final Trie trie;

	private final Map<String, Set<Known>> owners = new HashMap<>();

	private final Trie quantityTrie;

	private final Map<String, List<Known>> quantities = new HashMap<>();

	MentionLinker(KnownGraph graph) {
		this.graph = graph;
		Trie.TrieBuilder builder = Trie.builder();
		for (Known known : graph.entities()) {
			for (String name : known.names()) {
				String key = key(name);
				if (key.length() < 2) {
					continue;
				}
				owners.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(known);
			}
		}
		owners.keySet().forEach(builder::addKeyword);
		this.trie = builder.build();
		for (Known known : graph.entities()) {
			if (known.quantity() != null) {
				quantities.computeIfAbsent(key(known.quantity()), k -> new ArrayList<>()).add(known);
			}
		}
		Trie.TrieBuilder figures = Trie.builder();
		quantities.keySet().forEach(figures::addKeyword);
		this.quantityTrie = figures.build();
	}

	/** Squeezed, lower-cased form of a name or text: how they are compared. */
	static String key(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!blank(c)) {
				out.append(fold(c));
			}
		}
		return out.toString();
	}

	/**
	 * One character for one: lower case, full-width forms as ASCII, every quotation mark as '"', so that
	 * “人工智能+” and "人工智能＋" are one name. Offsets stay those of the text.
	 */
	private static char fold(char c) {
		if (c >= '\uFF01' && c <= '\uFF5E') {
			c = (char) (c - 0xFEE0);
		}
		if (c == '“' || c == '”' || c == '「' || c == '」' || c == '『' || c == '』') {
			return '"';
		}
		return Character.toLowerCase(c);
	}

	private static boolean blank(char c) {
		return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
	}

	/** Returns the mentions in text order. */
	List<Mention> link(String text, List<Sentence> sentences) {
		StringBuilder squeezed = new StringBuilder(text.length());
		int[] position = new int[text.length()];
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!blank(c)) {
				position[squeezed.length()] = i;
				squeezed.append(fold(c));
			}
		}
		int[] sentenceAt = sentenceIndex(text.length(), sentences);
		List<int[]> spans = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (Emit emit : trie.parseText(squeezed)) {
			int start = position[emit.getStart()];
			int end = position[emit.getEnd()] + 1;
			if (wordEdge(text, start, end) && sentenceAt[start] >= 0 && sentenceAt[start] == sentenceAt[end - 1]) {
				spans.add(new int[] { start, end, spans.size() });
				keys.add(emit.getKeyword());
			}
		}
		spans.sort(Comparator.<int[]>comparingInt(s -> s[0] - s[1]).thenComparingInt(s -> s[0]));
		boolean[] taken = new boolean[text.length() + 1];
		List<int[]> kept = new ArrayList<>();
		for (int[] span : spans) {
			boolean free = true;
			for (int i = span[0]; i < span[1] && free; i++) {
				free = !taken[i];
			}
			if (free) {
				for (int i = span[0]; i < span[1]; i++) {
					taken[i] = true;
				}
				kept.add(span);
			}
		}
		kept.addAll(nestedNames(kept, spans, keys));
		kept.sort(Comparator.comparingInt(s -> s[0]));
		List<Mention> raw = new ArrayList<>();
		for (int[] span : kept) {
			Set<Known> who = owners.get(keys.get(span[2]));
			Known only = who.size() == 1 ? who.iterator().next() : null;
			List<String> refs = who.stream().map(Known::ref).toList();
			raw.add(new Mention(only == null ? null : only.ref(), only == null ? null : only.kind(),
					only == null ? null : only.name(), text.substring(span[0], span[1]), span[0], span[1],
					sentenceAt[span[0]], only == null ? refs : List.of()));
		}
		raw.addAll(figures(text, squeezed, position, sentenceAt, sentences, taken));
		raw.sort(Comparator.comparingInt(Mention::start));
		return decide(raw);
	}

	/** A figure's name shares at least this part of its two-character pieces with the sentence stating it. */
	private static final double FIGURE_OVERLAP = 0.5;

	/**
	 * A known figure is named by its value and unit ("15亿元", not "215亿元" or "15.5亿元") in a sentence that
	 * shares most of its name's words: "中国大模型产业市场规模从2020年的15亿元增长至…" states the figure named
	 * 中国大模型产业市场规模（2020年）. When two figures fit equally, neither is claimed.
	 */
	private List<Mention> figures(String text, CharSequence squeezed, int[] position, int[] sentenceAt,
			List<Sentence> sentences, boolean[] taken) {
		List<Mention> out = new ArrayList<>();
		if (quantities.isEmpty()) {
			return out;
		}
		for (Emit emit : quantityTrie.parseText(squeezed)) {
			int from = emit.getStart();
			int to = emit.getEnd() + 1;
			if (from > 0 && numeric(squeezed.charAt(from - 1))
					|| to < squeezed.length() && numeric(squeezed.charAt(to - 1)) && numeric(squeezed.charAt(to))) {
				continue;
			}
			int start = position[from];
			int end = position[to - 1] + 1;
			int sentence = sentenceAt[start];
			if (sentence < 0 || taken[start] || taken[end - 1]) {
				continue;
			}
			Set<String> words = bigrams(sentences.get(sentence).text());
			Known best = null;
			double bestOverlap = 0;
			boolean tie = false;
			for (Known figure : quantities.get(emit.getKeyword())) {
				Set<String> name = bigrams(figure.name());
				double overlap = name.isEmpty() ? 0 : (double) name.stream().filter(words::contains).count() / name.size();
				if (overlap > bestOverlap) {
					best = figure;
					bestOverlap = overlap;
					tie = false;
				}
				else if (overlap == bestOverlap) {
					tie = true;
				}
			}
			if (best != null && !tie && bestOverlap >= FIGURE_OVERLAP) {
				out.add(new Mention(best.ref(), best.kind(), best.name(), text.substring(start, end), start, end, sentence,
						List.of()));
			}
		}
		return out;
	}

	private static boolean numeric(char c) {
		return c >= '0' && c <= '9' || c == '.';
	}

	/** The pairs of adjacent Chinese characters of a text: the words of a name, without a segmenter. */
	private static Set<String> bigrams(String text) {
		Set<String> out = new HashSet<>();
		for (int i = 0; i + 1 < text.length(); i++) {
			if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN
					&& Character.UnicodeScript.of(text.charAt(i + 1)) == Character.UnicodeScript.HAN) {
				out.add(text.substring(i, i + 2));
			}
		}
		return out;
	}

	/**
	 * A name opening a longer name of something else is named there too: "科大讯飞星火" names iFlytek as well as
	 * its model, "清华大学人工智能研究院" the university as well as its institute, "GPT-3 的训练数据" the model as well
	 * as the data set, "阿里通义千问" Alibaba (an alias, followed by another known name). An alias followed by
	 * anything else does not count, nor a name inside a longer name of its own kind other than an organisation's
	 * ("讯飞星火认知大模型" stays one mention, not also 星火).
	 */
	private List<int[]> nestedNames(List<int[]> kept, List<int[]> spans, List<String> keys) {
		Map<Integer, int[]> keptByStart = new HashMap<>();
		kept.forEach(k -> keptByStart.put(k[0], k));
		List<int[]> nested = new ArrayList<>();
		Set<Integer> done = new HashSet<>();
		for (int[] span : spans) {
			int[] outer = keptByStart.get(span[0]);
			if (outer == null || outer == span || span[1] >= outer[1] || done.contains(outer[0])) {
				continue;
			}
			String innerKey = keys.get(span[2]);
			String outerKey = keys.get(outer[2]);
			Set<Known> inner = owners.get(innerKey);
			Set<Known> whole = owners.get(outerKey);
			boolean fullName = inner.stream().allMatch(k -> key(k.name()).equals(innerKey));
			boolean twoNames = owners.containsKey(outerKey.substring(innerKey.length()));
			boolean otherThing = inner.stream()
				.allMatch(k -> organisation(k) || whole.stream().noneMatch(w -> w.kind() == k.kind()));
			if ((fullName || twoNames) && otherThing && java.util.Collections.disjoint(inner, whole)) {
				nested.add(span);
				done.add(outer[0]);
			}
		}
		return nested;
	}

	private static boolean organisation(Known k) {
		return k.kind() == Kind.VENDOR || k.kind() == Kind.BODY;
	}

	/**
	 * A shared alias goes to the candidate that the other entities of its sentence (counted twice) and of
	 * the document connect to in the graph, or that the document also names unambiguously.
	 */
	private List<Mention> decide(List<Mention> raw) {
		Set<String> inDocument = new HashSet<>();
		Map<Integer, Set<String>> inSentence = new HashMap<>();
		for (Mention m : raw) {
			if (!m.ambiguous()) {
				inDocument.add(m.ref());
				inSentence.computeIfAbsent(m.sentence(), k -> new HashSet<>()).add(m.ref());
			}
		}
		List<Mention> out = new ArrayList<>(raw.size());
		for (Mention m : raw) {
			if (!m.ambiguous()) {
				out.add(m);
				continue;
			}
			String best = null;
			int bestScore = 0;
			boolean tie = false;
			for (String candidate : m.candidates()) {
				int score = inDocument.contains(candidate) ? 1 : 0;
				for (String other : inSentence.getOrDefault(m.sentence(), Set.of())) {
					score += graph.connected(candidate, other) ? 2 : 0;
				}
				for (String other : inDocument) {
					score += graph.connected(candidate, other) ? 1 : 0;
				}
				if (score > bestScore) {
					best = candidate;
					bestScore = score;
					tie = false;
				}
				else if (score == bestScore && score > 0) {
					tie = true;
				}
			}
			if (best != null && !tie) {
				Known known = graph.get(best);
				out.add(new Mention(best, known.kind(), known.name(), m.surface(), m.start(), m.end(), m.sentence(),
						List.of()));
			}
			else {
				out.add(m);
			}
		}
		return out;
	}

	static int[] sentenceIndex(int length, List<Sentence> sentences) {
		int[] at = new int[length + 1];
		java.util.Arrays.fill(at, -1);
		for (Sentence s : sentences) {
			for (int i = s.start(); i < s.end(); i++) {
				at[i] = s.index();
			}
		}
		return at;
	}

	/**
	 * A name starting or ending in a Latin letter or digit must not continue a Latin word or number. A name
	 * ending in a small letter may run into a capital: text copied from a PDF loses the space between two
	 * names ("Qwen-AudioQwen"). The start is not relaxed, so "GPT" is not read inside "MathGPT".
	 */
	private static boolean wordEdge(String text, int start, int end) {
		if (latin(text.charAt(start)) && start > 0 && latin(text.charAt(start - 1))) {
			return false;
		}
		if (end < text.length() && Character.isLowerCase(text.charAt(end - 1)) && Character.isUpperCase(text.charAt(end))) {
			return true;
		}
		return !(latin(text.charAt(end - 1)) && end < text.length() && latin(text.charAt(end)));
	}

	private static boolean latin(char c) {
		return c < 128 && Character.isLetterOrDigit(c);
	}

}
