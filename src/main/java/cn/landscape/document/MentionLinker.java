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
		kept.addAll(nestedOrganisations(kept, spans, keys));
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
		return decide(raw);
	}

	/**
	 * A vendor or body whose full name opens a longer name of another entity is named there too: "科大讯飞星火"
	 * names iFlytek as well as its model, "清华大学人工智能研究院" the university as well as its institute. An
	 * alias does not count: "讯飞星火认知大模型" stays one mention.
	 */
	private List<int[]> nestedOrganisations(List<int[]> kept, List<int[]> spans, List<String> keys) {
		Map<Integer, int[]> keptByStart = new HashMap<>();
		kept.forEach(k -> keptByStart.put(k[0], k));
		List<int[]> nested = new ArrayList<>();
		Set<Integer> done = new HashSet<>();
		for (int[] span : spans) {
			int[] outer = keptByStart.get(span[0]);
			if (outer == null || outer == span || span[1] >= outer[1] || done.contains(outer[0])) {
				continue;
			}
			Set<Known> inner = owners.get(keys.get(span[2]));
			Set<Known> whole = owners.get(keys.get(outer[2]));
			String innerKey = keys.get(span[2]);
			boolean organisation = inner.stream().allMatch(k -> (k.kind() == Kind.VENDOR || k.kind() == Kind.BODY)
					&& key(k.name()).equals(innerKey));
			if (organisation && java.util.Collections.disjoint(inner, whole)) {
				nested.add(span);
				done.add(outer[0]);
			}
		}
		return nested;
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

	/** A name starting or ending in a Latin letter or digit must not continue a Latin word or number. */
	private static boolean wordEdge(String text, int start, int end) {
		if (latin(text.charAt(start)) && start > 0 && latin(text.charAt(start - 1))) {
			return false;
		}
		return !(latin(text.charAt(end - 1)) && end < text.length() && latin(text.charAt(end)));
	}

	private static boolean latin(char c) {
		return c < 128 && Character.isLetterOrDigit(c);
	}

}
