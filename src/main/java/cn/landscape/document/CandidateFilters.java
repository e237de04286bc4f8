package cn.landscape.document;

import java.util.ArrayList;
import java.util.List;

import cn.landscape.document.RuleBook.Context;
import cn.landscape.entity.Kind;

/**
 * Kinds from the words around a name (rules/contexts.yaml), and the older rules' candidates that are
 * descriptions rather than names (深度思考模型, 1月15日发布深度推理模型).
 */
final class CandidateFilters {

	private final RuleBook book;

	private final List<String> descriptions;

	private final List<String> breakers;

	CandidateFilters(RuleBook book) {
		this.book = book;
		this.descriptions = book.stop("model-descriptions").words();
		this.breakers = book.stop("description-breakers").words();
	}

	/** The kind the words after the name give, then the words before it, else {@code otherwise}. */
	Kind context(String t, int start, int end, Kind otherwise) {
		String after = t.substring(end, Math.min(t.length(), end + 40));
		String before = t.substring(Math.max(0, start - 24), start);
		for (Context c : book.contexts()) {
			boolean reads = c.pattern().pattern().startsWith("^") ? c.pattern().matcher(after).find()
					: c.pattern().matcher(before).find();
			if (reads) {
				return c.kind();
			}
		}
		return otherwise;
	}

	/**
	 * The older rules' candidates, less the model "names" made of describing words or run over a verb or a
	 * date, and with a kind from the context where the rule could not guess one.
	 */
	List<Candidate> older(List<Candidate> candidates, List<Sentence> sentences) {
		List<Candidate> out = new ArrayList<>(candidates.size());
		for (Candidate c : candidates) {
			if (c.rule().equals(CandidateRules.MODEL_NAME) && describes(c.name())) {
				continue;
			}
			if (c.kind() == null) {
				Sentence s = sentences.get(c.sentence());
				Kind kind = context(s.text(), c.start() - s.start(), c.end() - s.start(), null);
				out.add(new Candidate(c.name(), kind, c.start(), c.end(), c.sentence(), c.rule()));
			}
			else {
				out.add(c);
			}
		}
		return out;
	}

	private boolean describes(String name) {
		String rest = name.replaceFirst("(大模型|模型)$", "");
		if (breakers.stream().anyMatch(rest::contains)) {
			return true;
		}
		boolean cut = true;
		while (cut && !rest.isEmpty()) {
			cut = false;
			for (String d : descriptions) {
				if (rest.startsWith(d)) {
					rest = rest.substring(d.length());
					cut = true;
				}
			}
		}
		return rest.isEmpty();
	}

}
