package cn.landscape.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.driver.Value;

/**
 * Where a fact was read: a document and a verbatim quote from it (with the section, when known), or, for a
 * fact the curators added, the reason they give ({@code curated}), with no document.
 * <p>
 * The one encoding in the store, the same on relationships and nodes: parallel lists
 * {@code evidenceDocs}, {@code evidenceQuotes}, {@code evidenceSections} ("" for none) and, only when some
 * entry is curated, {@code evidenceCurated} (the reason, "" for a documented entry). On a node each entry
 * also names the property it supports in {@code evidenceProperties}. {@link #write} and {@link #read} are
 * the only code that knows this.
 */
public record Evidence(String documentId, String quote, String section,
		@JsonInclude(JsonInclude.Include.NON_NULL) String curated) {

	private static final Log log = LogFactory.getLog(Evidence.class);

	public static final String DOCS = "evidenceDocs";

	public static final String QUOTES = "evidenceQuotes";

	public static final String SECTIONS = "evidenceSections";

	public static final String CURATED = "evidenceCurated";

	public static final String PROPERTIES = "evidenceProperties";

	/** The stored properties that hold evidence, not facts. */
	public static final List<String> STORED = List.of(DOCS, QUOTES, SECTIONS, CURATED, PROPERTIES);

	public static Evidence of(String documentId, String quote, String section) {
		return new Evidence(documentId, quote, section, null);
	}

	public static Evidence curated(String reason) {
		return new Evidence(null, null, null, reason);
	}

	public boolean isCurated() {
		return curated != null;
	}

	/** The store's properties for the evidence of a relationship (or of a node's own facts). */
	public static Map<String, Object> write(List<Evidence> evidence) {
		return write(evidence, null);
	}

	/** The store's properties for the evidence of a node's properties, by property name. */
	public static Map<String, Object> writeByProperty(Map<String, List<Evidence>> byProperty) {
		List<Evidence> all = new ArrayList<>();
		List<String> names = new ArrayList<>();
		new TreeMap<>(byProperty).forEach((name, evidence) -> evidence.forEach(e -> {
			all.add(e);
			names.add(name);
		}));
		return all.isEmpty() ? Map.of() : write(all, names);
	}

	private static Map<String, Object> write(List<Evidence> evidence, List<String> properties) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put(DOCS, evidence.stream().map(e -> blank(e.documentId())).toList());
		props.put(QUOTES, evidence.stream().map(e -> blank(e.quote())).toList());
		props.put(SECTIONS, evidence.stream().map(e -> blank(e.section())).toList());
		if (evidence.stream().anyMatch(Evidence::isCurated)) {
			props.put(CURATED, evidence.stream().map(e -> blank(e.curated())).toList());
		}
		if (properties != null) {
			props.put(PROPERTIES, List.copyOf(properties));
		}
		return props;
	}

	/**
	 * Reads the evidence of a relationship or node from its stored properties. Entries that are not whole
	 * (lists of different lengths, a value that is not text) are skipped and logged, never an error: a
	 * damaged store must not break an answer.
	 */
	public static List<Evidence> read(Map<String, ?> stored) {
		return readByProperty(stored).values().stream().flatMap(List::stream).toList();
	}

	/** A node's property evidence by property name; entries of a relationship come under "". */
	public static Map<String, List<Evidence>> readByProperty(Map<String, ?> stored) {
		if (stored == null || !(stored.get(DOCS) instanceof List<?> docs)) {
			return Map.of();
		}
		return readByProperty(stored.get("id"), docs, list(stored.get(QUOTES)), list(stored.get(SECTIONS)),
				list(stored.get(CURATED)), stored.containsKey(PROPERTIES) ? list(stored.get(PROPERTIES)) : null);
	}

	/**
	 * The store's parallel lists as mapped fields hold them ({@code owner} only names the node or relationship
	 * in the log). {@code properties} is null for a relationship, whose entries all come under "".
	 */
	public static Map<String, List<Evidence>> readByProperty(Object owner, List<?> docs, List<?> quotes,
			List<?> sections, List<?> curated, List<?> properties) {
		if (docs == null) {
			return Map.of();
		}
		quotes = quotes == null ? List.of() : quotes;
		sections = sections == null ? List.of() : sections;
		curated = curated == null ? List.of() : curated;
		Map<String, List<Evidence>> byProperty = new LinkedHashMap<>();
		int skipped = 0;
		for (int i = 0; i < docs.size(); i++) {
			String doc = text(docs, i);
			String quote = text(quotes, i);
			String reason = text(curated, i);
			String property = properties != null ? text(properties, i) : "";
			boolean documented = doc != null && quote != null && !doc.isEmpty() && !quote.isEmpty();
			boolean curatedEntry = reason != null && !reason.isEmpty();
			if (property == null || (!documented && !curatedEntry)) {
				skipped++;
				continue;
			}
			String section = text(sections, i);
			byProperty.computeIfAbsent(property, k -> new ArrayList<>())
				.add(documented ? new Evidence(doc, quote, section == null || section.isEmpty() ? null : section,
						curatedEntry ? reason : null) : curated(reason));
		}
		if (skipped > 0) {
			log.warn("Skipped " + skipped + " malformed evidence entries of " + owner);
		}
		return byProperty;
	}

	/** {@link #read} of a node or relationship as the driver returns it; null reads as none. */
	public static List<Evidence> read(Value stored) {
		return stored == null || stored.isNull() ? List.of() : read(stored.asMap());
	}

	private static List<?> list(Object value) {
		return value instanceof List<?> list ? list : List.of();
	}

	private static String text(List<?> values, int i) {
		return i < values.size() && values.get(i) instanceof String s ? s : null;
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}

}
