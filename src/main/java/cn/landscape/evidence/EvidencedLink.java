package cn.landscape.evidence;

import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.schema.RelationshipId;

/**
 * The common part of every mapped relationship: its evidence, in the store's one encoding (see
 * {@link Evidence}). Each subclass, a {@code @RelationshipProperties} class, names the node at its other end.
 */
public abstract class EvidencedLink {

	@RelationshipId
	private String elementId;

	private List<String> evidenceDocs = List.of();

	private List<String> evidenceQuotes = List.of();

	private List<String> evidenceSections = List.of();

	private List<String> evidenceCurated;

	private List<String> evidenceRows;

	private List<String> evidenceClaims;

	/** Region containment and other relationships the curators added without a document. */
	private Boolean curated;

	protected EvidencedLink() {
	}

	protected EvidencedLink(List<Evidence> evidence) {
		Map<String, Object> stored = Evidence.write(evidence);
		this.evidenceDocs = list(stored.get(Evidence.DOCS));
		this.evidenceQuotes = list(stored.get(Evidence.QUOTES));
		this.evidenceSections = list(stored.get(Evidence.SECTIONS));
		this.evidenceCurated = stored.containsKey(Evidence.CURATED) ? list(stored.get(Evidence.CURATED)) : null;
		this.evidenceRows = stored.containsKey(Evidence.ROWS) ? list(stored.get(Evidence.ROWS)) : null;
		this.evidenceClaims = stored.containsKey(Evidence.CLAIMS) ? list(stored.get(Evidence.CLAIMS)) : null;
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Object value) {
		return (List<String>) value;
	}

	public List<Evidence> evidence() {
		return Evidence.readByProperty(elementId, new Evidence.Stored(evidenceDocs, evidenceQuotes, evidenceSections,
				evidenceCurated, evidenceRows, evidenceClaims, null))
			.getOrDefault("", List.of());
	}

	public boolean isCurated() {
		return Boolean.TRUE.equals(curated);
	}

}
