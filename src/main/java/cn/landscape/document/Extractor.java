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

	private final java.util.regex.Pattern shortForm;

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
		this.shortForm = book.stop("defined-short-form").pattern();
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
		candidates.removeIf(c -> shortOfKnown(c, mentions));
		candidates = definedShortForms(sentences, candidates);
		candidates.sort(java.util.Comparator.comparingInt(Candidate::start));
		List<Mention> ends = MentionFilters.outside(mentions, candidates);
		List<Proposal> proposed = new ArrayList<>(rules.propose(documentId, documentYear, sentences, ends, candidates));
		proposed.addAll(triggers.propose(documentYear, sentences, ends, candidates));
		Map<String, java.util.Set<String>> sameAs = sameAs(candidates);
		proposed.removeIf(p -> triggers.namedForAnother(p, sameAs));
		return new Extraction(plainText, sentences, mentions, candidates, onePerFact(documentId, proposed));
	}

	/** A name the text defines as short for another (以下简称《标识办法》) is that other wherever it stands. */
	private List<Candidate> definedShortForms(List<Sentence> sentences, List<Candidate> candidates) {
		Map<String, String> full = new HashMap<>();
		for (Sentence s : sentences) {
			java.util.regex.Matcher m = shortForm.matcher(s.text());
			while (m.find()) {
				full.putIfAbsent(m.group("alias").strip(), m.group("name").strip());
			}
		}
		if (full.isEmpty()) {
			return candidates;
		}
		List<Candidate> out = new ArrayList<>(candidates.size());
		for (Candidate c : candidates) {
			String name = full.getOrDefault(c.name(), c.name());
			out.add(name.equals(c.name()) ? c : new Candidate(name, c.kind(), c.start(), c.end(), c.sentence(), c.rule()));
		}
		return out;
	}

	/** Zhipu where the text also says Zhipu AI: the first word of a known company's name is that company. */
	private static boolean shortOfKnown(Candidate c, List<Mention> mentions) {
		return c.kind() == cn.landscape.entity.Kind.VENDOR && mentions.stream().anyMatch(m -> m.kind() == c.kind()
				&& m.surface().startsWith(c.name() + " "));
	}

	/** The two names of an apposition (深度求索（DeepSeek）) name one thing. */
	private static Map<String, java.util.Set<String>> sameAs(List<Candidate> candidates) {
		Map<String, java.util.Set<String>> out = new HashMap<>();
		for (int i = 0; i + 1 < candidates.size(); i++) {
			Candidate a = candidates.get(i);
			Candidate b = candidates.get(i + 1);
			if (a.rule().startsWith("apposition") && a.rule().equals(b.rule()) && a.sentence() == b.sentence()
					&& b.start() - a.end() == 1) {
				out.computeIfAbsent(a.name(), k -> new java.util.HashSet<>()).add(b.name());
				out.computeIfAbsent(b.name(), k -> new java.util.HashSet<>()).add(a.name());
			}
		}
		return out;
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
			String key = key(p);
			first.putIfAbsent(key, p);
			sentences.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).addAll(p.sentences());
			confidence.merge(key, p.confidence(), Math::max);
		}
		// a model trained on a chip also runs on it, but TRAINED_ON is what the sentence says
		java.util.Set<String> trained = new java.util.HashSet<>();
		first.values().stream().filter(p -> p.type() == RelType.TRAINED_ON).forEach(p -> trained.add(p.from().key() + "|" + p.to().key()));
		first.values().removeIf(p -> p.type() == RelType.RUNS_ON && trained.contains(p.from().key() + "|" + p.to().key()));
		List<Proposal> out = new ArrayList<>();
		int n = 0;
		for (Proposal a : first.values()) {
			out.add(new Proposal(documentId + "-p" + ++n, a.type(), a.from(), a.to(), a.quote(), a.sentence(), a.section(),
					a.rule(), confidence.get(key(a)), a.existing(), a.date(), List.copyOf(sentences.get(key(a)))));
		}
		return out;
	}

	/** PARTNERS_WITH has no direction: A with B is B with A. */
	private static String key(Proposal p) {
		if (p.type() == RelType.PARTNERS_WITH && p.from().key().compareTo(p.to().key()) > 0) {
			return p.to().key() + "|" + p.type() + "|" + p.from().key();
		}
		return p.key();
	}

}
