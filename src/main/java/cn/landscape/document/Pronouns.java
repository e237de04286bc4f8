package cn.landscape.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.landscape.document.Proposal.End;
import cn.landscape.document.RuleBook.Stop;
import cn.landscape.entity.Kind;

/**
 * 该模型, 其, 公司, the company (rules/stoplists.yaml, pronoun-*) as the name they stand for: the last one of
 * their kinds before them in the sentence, else in the sentence before.
 */
final class Pronouns {

	/** A place in the sentence that stands for {@code end}. */
	record Stand(End end, int start, int stop) {
	}

	private final List<Stop> pronouns = new ArrayList<>();

	private final List<String> notPronouns;

	Pronouns(RuleBook book) {
		for (String name : List.of("pronoun-model", "pronoun-organisation", "pronoun-owner")) {
			pronouns.add(book.stop(name));
		}
		this.notPronouns = book.stop("not-pronouns").words();
	}

	/**
	 * {@code names} are the sentence's names (start, end, end kind) in order, {@code before} the previous
	 * sentence's; offsets are the text's.
	 */
	List<Stand> resolve(Sentence s, List<Stand> names, List<Stand> before) {
		String t = s.text();
		List<Stand> out = new ArrayList<>();
		boolean[] taken = new boolean[t.length()];
		for (Stand n : names) {
			for (int i = Math.max(0, n.start() - s.start()); i < Math.min(t.length(), n.stop() - s.start()); i++) {
				taken[i] = true;
			}
		}
		for (Stop p : pronouns) {
			Set<Kind> kinds = Set.copyOf(p.kinds());
			for (String word : p.words()) {
				for (int i = t.indexOf(word); i >= 0; i = t.indexOf(word, i + 1)) {
					if (taken[i] || !standsAlone(t, i, word)) {
						continue;
					}
					End antecedent = antecedent(s.start() + i, kinds, names, before);
					if (antecedent != null) {
						out.add(new Stand(antecedent, s.start() + i, s.start() + i + word.length()));
						for (int k = i; k < i + word.length(); k++) {
							taken[k] = true;
						}
					}
				}
			}
		}
		return out;
	}

	/** 公司 in 人工智能公司 is a noun, 其 in 其中 no pronoun; the company inside a longer word neither. */
	private boolean standsAlone(String t, int i, String word) {
		for (String not : notPronouns) {
			int at = t.indexOf(not, Math.max(0, i - not.length() + 1));
			if (at >= 0 && at <= i && at + not.length() > i) {
				return false;
			}
		}
		char first = word.charAt(0);
		boolean demonstrative = "该这此其".indexOf(first) >= 0 || first < 128;
		boolean afterHan = i > 0 && Character.UnicodeScript.of(t.charAt(i - 1)) == Character.UnicodeScript.HAN;
		boolean latinRunsOn = first < 128 && (i > 0 && Character.isLetter(t.charAt(i - 1))
				|| i + word.length() < t.length() && Character.isLetter(t.charAt(i + word.length())));
		return (demonstrative || !afterHan) && !latinRunsOn;
	}

	private static End antecedent(int at, Set<Kind> kinds, List<Stand> names, List<Stand> before) {
		for (int i = names.size() - 1; i >= 0; i--) {
			Stand n = names.get(i);
			if (n.stop() <= at && kinds.contains(n.end().kind())) {
				return n.end();
			}
		}
		for (int i = before.size() - 1; i >= 0; i--) {
			if (kinds.contains(before.get(i).end().kind())) {
				return before.get(i).end();
			}
		}
		return null;
	}

}
