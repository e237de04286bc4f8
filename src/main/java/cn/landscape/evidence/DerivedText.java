package cn.landscape.evidence;

import java.util.Map;
import java.util.Set;

/**
 * Which text in the graph's documents is machine-written from other text, as the Document nodes say:
 * whole documents written from another one ({@code derivedFrom}, e.g. a model's summary of a report), and
 * machine-written parts of a document, cited under their own section ({@code derivedSections}, e.g. an
 * aggregator's keywords and summary appended to an article).
 *
 * @param sources a derived document's id to the id of the document it was written from
 * @param sections a document's id to the sections of it that are machine-written
 */
record DerivedText(Map<String, String> sources, Map<String, Set<String>> sections) {

	static final DerivedText NONE = new DerivedText(Map.of(), Map.of());

	DerivedText {
		sources = Map.copyOf(sources);
		sections = Map.copyOf(sections);
	}

	/**
	 * The document the quoted text was written from, or null for primary text: the source of a derived
	 * document; the document itself for a machine-written part of it. Curated evidence without a document
	 * is never derived.
	 */
	String derivedFrom(Evidence evidence) {
		String doc = evidence.documentId();
		if (doc == null) {
			return null;
		}
		String source = sources.get(doc);
		if (source != null) {
			return source;
		}
		String section = evidence.section();
		return section != null && sections.getOrDefault(doc, Set.of()).contains(section) ? doc : null;
	}

}
