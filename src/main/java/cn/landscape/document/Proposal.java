package cn.landscape.document;

import java.util.List;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;

/**
 * A fact a rule read in a sentence, for a curator to accept or reject. {@code existing} means the graph
 * already holds the fact: accepting adds the quote to its evidence. {@code date} is a date the sentence
 * gives (ISO, {@code 2024-07}), for the policy or the release. {@code sentence} and {@code quote} are the
 * first sentence that states the fact; {@code sentences} every one that does, in the document.
 */
record Proposal(String id, RelType type, End from, End to, String quote, int sentence, String section, String rule,
		double confidence, boolean existing, String date, List<Integer> sentences) {

	/** A review file written before proposals listed their sentences has only the first. */
	Proposal {
		sentences = sentences == null ? List.of(sentence) : List.copyOf(sentences);
	}

	/** One end of a proposal: a known entity ({@code ref}) or a candidate name (ref null) with its guessed kind. */
	record End(String ref, Kind kind, String name) {

		boolean candidate() {
			return ref == null;
		}

		String key() {
			return ref != null ? ref : kind.key() + ":\"" + name + "\"";
		}
	}

	String key() {
		return from.key() + "|" + type + "|" + to.key();
	}

	Proposal withId(String newId) {
		return new Proposal(newId, type, from, to, quote, sentence, section, rule, confidence, existing, date, sentences);
	}

}
