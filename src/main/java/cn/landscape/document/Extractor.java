package cn.landscape.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.landscape.entity.RelType;

/**
 * The extraction pipeline over a plain text: sentences, mentions of known entities, candidates for new
 * ones, and proposed facts, one per fact per document. Built once per state of the graph; {@link #extract}
 * is thread-safe.
 */
final class Extractor {

	private final MentionLinker linker;

	private final NameRules names;

	private final CandidateFilters candidateFilters;

	private final MentionFilters filters;

	private final ProposalRules rules;

	private final TriggerRules triggers;

	Extractor(KnownGraph graph) {
		this(graph, RuleBook.standard());
	}

	Extractor(KnownGraph graph, RuleBook book) {
		this.linker = new MentionLinker(graph);
		this.candidateFilters = new CandidateFilters(book);
		this.names = new NameRules(graph, book, candidateFilters);
		this.filters = new MentionFilters(graph, book);
		this.rules = new ProposalRules(graph);
		this.triggers = new TriggerRules(graph, book);
	}

	/** {@code documentYear} gives the year to dates written as a month alone ("7月"); may be null. */
	Extraction extract(String documentId, String plainText, String documentYear) {
		List<Sentence> sentences = Sentences.split(plainText);
		List<Mention> linked = linker.link(plainText, sentences);
		List<Candidate> named = names.find(sentences, linked);
		List<Mention> mentions = filters.apply(linked, named);
		List<Candidate> candidates = new ArrayList<>(named);
		for (Candidate c : candidateFilters.older(CandidateRules.find(plainText, sentences, mentions), sentences)) {
			// the older rule keeps a name both found alike, so that its rule name stays what it was
			candidates.removeIf(n -> n.start() == c.start() && n.end() == c.end() && n.kind() == c.kind());
			if (candidates.stream().noneMatch(n -> n.start() < c.end() && c.start() < n.end())) {
				candidates.add(c);
			}
		}
		candidates.sort(java.util.Comparator.comparingInt(Candidate::start));
		List<Mention> ends = MentionFilters.outside(mentions, candidates);
		List<Proposal> proposed = new ArrayList<>(rules.propose(documentId, documentYear, sentences, ends, candidates));
		proposed.addAll(triggers.propose(documentYear, sentences, ends, candidates));
		proposed.removeIf(triggers::namedForAnother);
		return new Extraction(plainText, sentences, mentions, candidates, onePerFact(documentId, proposed));
	}

	/**
	 * One proposal per fact: the first sentence that states it gives its rule and quote, every sentence that
	 * does is listed, and the confidence is the highest any rule gave the fact.
	 */
	private static List<Proposal> onePerFact(String documentId, List<Proposal> proposed) {
		proposed.sort(java.util.Comparator.comparingInt(Proposal::sentence));
		Map<String, Proposal> first = new LinkedHashMap<>();
		Map<String, java.util.Set<Integer>> sentences = new HashMap<>();
		Map<String, Double> confidence = new HashMap<>();
		for (Proposal p : proposed) {
			first.putIfAbsent(p.key(), p);
			sentences.computeIfAbsent(p.key(), k -> new java.util.LinkedHashSet<>()).addAll(p.sentences());
			confidence.merge(p.key(), p.confidence(), Math::max);
		}
		// a model trained on a chip also runs on it, but TRAINED_ON is what the sentence says
		java.util.Set<String> trained = new java.util.HashSet<>();
		first.values().stream().filter(p -> p.type() == RelType.TRAINED_ON).forEach(p -> trained.add(p.from().key() + "|" + p.to().key()));
		first.values().removeIf(p -> p.type() == RelType.RUNS_ON && trained.contains(p.from().key() + "|" + p.to().key()));
		List<Proposal> out = new ArrayList<>();
		int n = 0;
		for (Proposal a : first.values()) {
			out.add(new Proposal(documentId + "-p" + ++n, a.type(), a.from(), a.to(), a.quote(), a.sentence(), a.section(),
					a.rule(), confidence.get(a.key()), a.existing(), a.date(), List.copyOf(sentences.get(a.key()))));
		}
		return out;
	}

}
