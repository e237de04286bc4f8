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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a fact was read, in one of three forms:
 * <ul>
 * <li>a document and a verbatim quote from it (with the section, when known);</li>
 * <li>a dataset's row: the source ({@code documentId}, the id of the source's Document node), the row's key
 * ({@code row}) and the cells the fact rests on, verbatim ({@code cells}); {@code claim} is the value this row
 * gives where it differs from the value that leads;</li>
 * <li>for a fact the curators added, the reason they give ({@code curated}), with no document.</li>
 * </ul>
 * The one encoding in the store, the same on relationships and nodes: parallel lists {@code evidenceDocs},
 * {@code evidenceQuotes}, {@code evidenceSections} ("" for none) and, only when some entry needs them,
 * {@code evidenceCurated} (the reason), {@code evidenceRows} (the row's key; its quote holds the cells as a
 * JSON object, so that Browser shows them where it shows a quote) and {@code evidenceClaims}. On a node each
 * entry also names the property it supports in {@code evidenceProperties}. {@link #write} and {@link #read}
 * are the only code that knows this.
 */
public record Evidence(String documentId, String quote, String section,
		@JsonInclude(JsonInclude.Include.NON_NULL) String curated,
		@JsonInclude(JsonInclude.Include.NON_NULL) String row,
		@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> cells,
		@JsonInclude(JsonInclude.Include.NON_NULL) String claim) {

	private static final Log log = LogFactory.getLog(Evidence.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	public static final String DOCS = "evidenceDocs";

	public static final String QUOTES = "evidenceQuotes";

	public static final String SECTIONS = "evidenceSections";

	public static final String CURATED = "evidenceCurated";

	public static final String PROPERTIES = "evidenceProperties";

	public static final String ROWS = "evidenceRows";

	public static final String CLAIMS = "evidenceClaims";

	/** The stored properties that hold evidence, not facts. */
	public static final List<String> STORED = List.of(DOCS, QUOTES, SECTIONS, CURATED, PROPERTIES, ROWS, CLAIMS);

	public Evidence(String documentId, String quote, String section, String curated) {
		this(documentId, quote, section, curated, null, null, null);
	}

	public Evidence {
		cells = cells == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
	}

	public static Evidence of(String documentId, String quote, String section) {
		return new Evidence(documentId, quote, section, null);
	}

	public static Evidence curated(String reason) {
		return new Evidence(null, null, null, reason);
	}

	/** A dataset row's cells, verbatim, as the evidence of a fact read from them. */
	public static Evidence ofRow(String source, String row, Map<String, String> cells) {
		return new Evidence(source, null, null, null, row, cells, null);
	}

	/** A text as a quote is compared with it: whitespace, the ideographic and no-break spaces included, does not count. */
	public static String squeeze(String text) {
		return text.replaceAll("[\\s\\u00A0\\u2007\\u202F\\u3000]+", "");
	}

	public boolean isCurated() {
		return curated != null;
	}

	public boolean isRow() {
		return row != null;
	}

	/** The same evidence, saying that its row gives {@code value} where another value leads. */
	public Evidence claiming(String value) {
		return new Evidence(documentId, quote, section, curated, row, cells, value);
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
		props.put(QUOTES, evidence.stream().map(e -> e.isRow() ? JSON.writeValueAsString(e.cells()) : blank(e.quote()))
			.toList());
		props.put(SECTIONS, evidence.stream().map(e -> blank(e.section())).toList());
		if (evidence.stream().anyMatch(Evidence::isCurated)) {
			props.put(CURATED, evidence.stream().map(e -> blank(e.curated())).toList());
		}
		if (evidence.stream().anyMatch(Evidence::isRow)) {
			props.put(ROWS, evidence.stream().map(e -> blank(e.row())).toList());
		}
		if (evidence.stream().anyMatch(e -> e.claim() != null)) {
			props.put(CLAIMS, evidence.stream().map(e -> blank(e.claim())).toList());
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
		return readByProperty(stored.get("id"), new Stored(docs, list(stored.get(QUOTES)), list(stored.get(SECTIONS)),
				list(stored.get(CURATED)), list(stored.get(ROWS)), list(stored.get(CLAIMS)),
				stored.containsKey(PROPERTIES) ? list(stored.get(PROPERTIES)) : null));
	}

	/**
	 * The store's parallel lists as mapped fields hold them. {@code properties} is null for a relationship, whose
	 * entries all come under "".
	 */
	public record Stored(List<?> docs, List<?> quotes, List<?> sections, List<?> curated, List<?> rows,
			List<?> claims, List<?> properties) {
	}

	/** {@link #readByProperty(Map)} of the lists as mapped fields hold them; {@code owner} only names it in the log. */
	public static Map<String, List<Evidence>> readByProperty(Object owner, Stored stored) {
		List<?> docs = stored.docs();
		if (docs == null) {
			return Map.of();
		}
		List<?> quotes = orEmpty(stored.quotes());
		List<?> sections = orEmpty(stored.sections());
		List<?> curated = orEmpty(stored.curated());
		List<?> rows = orEmpty(stored.rows());
		List<?> claims = orEmpty(stored.claims());
		Map<String, List<Evidence>> byProperty = new LinkedHashMap<>();
		int skipped = 0;
		for (int i = 0; i < docs.size(); i++) {
			String doc = text(docs, i);
			String quote = text(quotes, i);
			String reason = text(curated, i);
			String row = text(rows, i);
			String property = stored.properties() != null ? text(stored.properties(), i) : "";
			boolean documented = doc != null && quote != null && !doc.isEmpty() && !quote.isEmpty();
			boolean curatedEntry = reason != null && !reason.isEmpty();
			if (property == null || (!documented && !curatedEntry)) {
				skipped++;
				continue;
			}
			Evidence entry;
			if (documented && row != null && !row.isEmpty()) {
				Map<String, String> cells = cells(quote);
				if (cells == null) {
					skipped++;
					continue;
				}
				entry = ofRow(doc, row, cells);
				String claim = text(claims, i);
				if (claim != null && !claim.isEmpty()) {
					entry = entry.claiming(claim);
				}
			}
			else {
				String section = text(sections, i);
				entry = documented ? new Evidence(doc, quote, section == null || section.isEmpty() ? null : section,
						curatedEntry ? reason : null) : curated(reason);
			}
			byProperty.computeIfAbsent(property, k -> new ArrayList<>()).add(entry);
		}
		if (skipped > 0) {
			log.warn("Skipped " + skipped + " malformed evidence entries of " + owner);
		}
		return byProperty;
	}

	private static Map<String, String> cells(String json) {
		try {
			return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
			});
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** {@link #read} of a node or relationship as the driver returns it; null reads as none. */
	public static List<Evidence> read(Value stored) {
		return stored == null || stored.isNull() ? List.of() : read(stored.asMap());
	}

	private static List<?> list(Object value) {
		return value instanceof List<?> list ? list : List.of();
	}

	private static List<?> orEmpty(List<?> values) {
		return values == null ? List.of() : values;
	}

	private static String text(List<?> values, int i) {
		return i < values.size() && values.get(i) instanceof String s ? s : null;
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}

}
