package cn.landscape.document;

import java.util.List;

/**
 * The extraction pipeline over a plain text: sentences, mentions of known entities, candidates for new
 * ones, and proposed facts. Built once per state of the graph; {@link #extract} is thread-safe.
 */
final class Extractor {

	private final MentionLinker linker;

	private final ProposalRules rules;

	Extractor(KnownGraph graph) {
		this.linker = new MentionLinker(graph);
		this.rules = new ProposalRules(graph);
	}

	/** {@code documentYear} gives the year to dates written as a month alone ("7月"); may be null. */
	Extraction extract(String documentId, String plainText, String documentYear) {
		List<Sentence> sentences = Sentences.split(plainText);
		List<Mention> mentions = linker.link(plainText, sentences);
		List<Candidate> candidates = CandidateRules.find(plainText, sentences, mentions);
		List<Proposal> proposals = rules.propose(documentId, documentYear, sentences, mentions, candidates);
		return new Extraction(plainText, sentences, mentions, candidates, proposals);
	}

}
