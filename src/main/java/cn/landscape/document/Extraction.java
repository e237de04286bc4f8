package cn.landscape.document;

import java.util.List;

/** What extraction read in one plain text. */
record Extraction(String text, List<Sentence> sentences, List<Mention> mentions, List<Candidate> candidates,
		List<Proposal> proposals) {
}
