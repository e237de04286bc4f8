package cn.landscape.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.landscape.document.KnownGraph.Known;
import cn.landscape.entity.Kind;

/**
 * What the automaton found that is no mention: an acronym alias written in lower case ("the most capable"
 * is not MOST), and a region or an industry inside the name of an organisation or an event the graph does
 * not hold yet (上海 and 交通 in 上海交通大学医学院, China in Industrial and Commercial Bank of China), or of
 * one it holds (北京 in 北京智谱华章科技有限公司); a known technique inside a new one's name (注意力机制 in
 * 3D时空联合注意力机制).
 */
final class MentionFilters {

	private final KnownGraph graph;

	private final Pattern acronym;

	MentionFilters(KnownGraph graph, RuleBook book) {
		this.graph = graph;
		this.acronym = book.stop("acronyms-match-case").pattern();
	}

	List<Mention> apply(List<Mention> mentions, List<Candidate> candidates) {
		Map<Integer, List<Candidate>> bySentence = bySentence(candidates);
		List<Mention> out = new ArrayList<>(mentions.size());
		Map<Integer, List<Mention>> mentionsIn = mentions.stream().collect(Collectors.groupingBy(Mention::sentence));
		for (Mention m : mentions) {
			if (!lowerCaseAcronym(m) && !insideNewName(m, bySentence.getOrDefault(m.sentence(), List.of()))
					&& !insideKnownName(m, mentionsIn.get(m.sentence()))) {
				out.add(m);
			}
		}
		return out;
	}

	private static Map<Integer, List<Candidate>> bySentence(List<Candidate> candidates) {
		return candidates.stream().collect(Collectors.groupingBy(Candidate::sentence));
	}

	private boolean lowerCaseAcronym(Mention m) {
		String surface = m.surface().strip();
		if (m.ambiguous() || !surface.matches("[A-Za-z]+")) {
			return false;
		}
		Known known = graph.get(m.ref());
		List<String> same = known.names().stream().filter(n -> n.equalsIgnoreCase(surface)).toList();
		return !same.isEmpty() && same.stream().allMatch(n -> acronym.matcher(n).matches())
				&& same.stream().noneMatch(surface::equals);
	}

	private static boolean insideNewName(Mention m, List<Candidate> candidates) {
		boolean place = m.kind() == Kind.REGION || m.kind() == Kind.INDUSTRY;
		return candidates.stream().anyMatch(c -> (place && (c.kind() == Kind.VENDOR || c.kind() == Kind.BODY
				|| c.kind() == Kind.EVENT) || m.kind() == Kind.TECHNOLOGY && c.kind() == Kind.TECHNOLOGY)
				&& c.start() <= m.start() && m.end() <= c.end() && c.end() - c.start() > m.end() - m.start());
	}

	/** 北京 in 北京智谱华章科技有限公司: a place or an industry opening an organisation's known name. */
	private static boolean insideKnownName(Mention m, List<Mention> same) {
		return (m.kind() == Kind.REGION || m.kind() == Kind.INDUSTRY) && same.stream()
			.anyMatch(o -> (o.kind() == Kind.VENDOR || o.kind() == Kind.BODY) && o.start() <= m.start() && m.end() <= o.end()
					&& o.end() - o.start() > m.end() - m.start());
	}

	/** Mentions that are not inside a longer candidate: the ends facts are read between. */
	static List<Mention> outside(List<Mention> mentions, List<Candidate> candidates) {
		Map<Integer, List<Candidate>> bySentence = bySentence(candidates);
		return mentions.stream().filter(m -> bySentence.getOrDefault(m.sentence(), List.of()).stream()
			.noneMatch(c -> c.start() <= m.start() && m.end() <= c.end() && c.end() - c.start() > m.end() - m.start()))
			.toList();
	}

}
