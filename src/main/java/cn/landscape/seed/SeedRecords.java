package cn.landscape.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.YAMLException;

import cn.landscape.entity.Kind;
import cn.landscape.evidence.Evidence;

/**
 * What the readers of graph-seed/'s files share while one read runs: the errors and warnings found so far,
 * the document ids evidence may cite, and the checks every file's records use (ids, required fields, dates,
 * evidence, YAML loading). Each error names the file, the record and the field.
 */
final class SeedRecords {

	private static final Set<String> EVIDENCE_FIELDS = Set.of("doc", "quote", "section");

	final Path dir;

	final List<SeedError> errors = new ArrayList<>();

	final List<SeedError> warnings = new ArrayList<>();

	final Set<String> documentIds = new java.util.HashSet<>();

	/** A derived document's id to the id of the document it was derived from. */
	final Map<String, String> derivedDocuments = new HashMap<>();

	/** A document's id to the names of its machine-written sections (derived from the document itself). */
	final Map<String, Set<String>> derivedSections = new HashMap<>();

	/** Entities whose YAML carries an {@code unlinked} note: no relationship is expected of them. */
	final Set<String> unlinked = new java.util.HashSet<>();

	/** An entity's ref to the refs it declares it may be confused with. */
	final Map<String, Set<String>> ambiguousWith = new HashMap<>();

	SeedRecords(Path dir) {
		this.dir = dir;
	}

	static List<Evidence> withReason(List<Evidence> evidence, String reason) {
		if (evidence.isEmpty()) {
			return List.of(Evidence.curated(reason));
		}
		return evidence.stream()
			.map(e -> new Evidence(e.documentId(), e.quote(), e.section(), reason))
			.toList();
	}

	List<Evidence> evidence(String file, String where, String field, Object raw, boolean required) {
		List<Evidence> evidence = new ArrayList<>();
		if (raw == null) {
			if (required) {
				error(file, where, field, "evidence is required: [{doc, quote}]");
			}
			return evidence;
		}
		if (!(raw instanceof List<?> list) || list.isEmpty()) {
			error(file, where, field, "must be a non-empty list of {doc, quote, section}");
			return evidence;
		}
		int i = 0;
		for (Object item : list) {
			String f = field + "[" + i++ + "]";
			if (!(item instanceof Map<?, ?> map)) {
				error(file, where, f, "must be {doc, quote, section}");
				continue;
			}
			unknownFields(file, where, map, EVIDENCE_FIELDS);
			String doc = SeedReader.string(map.get("doc"));
			String quote = SeedReader.string(map.get("quote"));
			if (doc == null || !documentIds.contains(doc)) {
				error(file, where, f + ".doc", "'" + doc + "' is not a document id of documents.yaml");
			}
			if (quote == null || quote.isBlank()) {
				error(file, where, f + ".quote", "a verbatim quote is required");
			}
			evidence.add(Evidence.of(doc, quote, SeedReader.string(map.get("section"))));
		}
		return evidence;
	}

	/** Whether a quote comes from machine-written text: a derived document, or a derived part of one. */
	boolean derived(Evidence evidence) {
		return derivedFrom(evidence.documentId(), evidence.section()) != null;
	}

	/** The document a quote's text was machine-derived from, or null when the quote is primary text. */
	String derivedFrom(String doc, String section) {
		if (doc == null) {
			return null;
		}
		if (derivedDocuments.containsKey(doc)) {
			return derivedDocuments.get(doc);
		}
		return section != null && derivedSections.getOrDefault(doc, Set.of()).contains(section) ? doc : null;
	}

	List<String> aliases(String file, String where, Object raw) {
		if (raw == null) {
			return List.of();
		}
		if (!(raw instanceof List<?> list)) {
			error(file, where, "aliases", "must be a list of names");
			return List.of();
		}
		return list.stream().map(SeedReader::string).filter(s -> s != null && !s.isBlank()).toList();
	}

	List<?> load(Path path, String file) {
		try {
			Object loaded = SeedFiles.yaml(SeedFiles.readUtf8(path));
			if (loaded == null) {
				return List.of();
			}
			if (loaded instanceof List<?> list) {
				return list;
			}
			error(file, "-", null, "the file must be a YAML list of records");
		}
		catch (IOException ex) {
			error(file, "-", null, "cannot be read: " + ex.getMessage());
		}
		catch (YAMLException ex) {
			error(file, "-", null, "is not valid YAML: " + ex.getMessage().replace('\n', ' '));
		}
		return List.of();
	}

	boolean validId(String file, String where, String id) {
		if (id == null) {
			error(file, where, "id", "required");
			return false;
		}
		if (!SeedReader.SLUG.matcher(id).matches()) {
			error(file, where, "id", "'" + id + "' is not a URL-safe slug ([a-z0-9]+(-[a-z0-9]+)*)");
			return false;
		}
		return true;
	}

	String required(String file, String where, Map<?, ?> map, String field) {
		String value = SeedReader.string(map.get(field));
		if (value == null || value.isBlank()) {
			error(file, where, field, "required");
			return null;
		}
		return value;
	}

	void unknownFields(String file, String where, Map<?, ?> map, Set<String> allowed) {
		for (Object key : map.keySet()) {
			if (!allowed.contains(String.valueOf(key))) {
				error(file, where, String.valueOf(key), "unknown field; allowed: " + allowed.stream().sorted().toList());
			}
		}
	}

	void checkDate(String file, String where, String field, String value) {
		if (value != null && !SeedReader.ISO_DATE.matcher(value).matches()) {
			error(file, where, field, "'" + value + "' is not an ISO date (2023, 2023-10 or 2023-10-15)");
		}
	}

	void error(String file, String record, String field, String message) {
		errors.add(new SeedError(file, record, field, message));
	}

	static String label(int index, String id) {
		return "#" + index + (id == null ? "" : " (id=" + id + ")");
	}

	static String fileOfRef(String ref) {
		return fileOf(Kind.fromKey(ref.substring(0, ref.indexOf(':'))).orElseThrow());
	}

	static String fileOf(Kind kind) {
		return kind.file() == null ? "documents.yaml" : "entities/" + kind.file() + ".yaml";
	}

	static boolean validValue(Object value) {
		if (value instanceof List<?> list) {
			return !list.isEmpty() && list.stream().allMatch(SeedRecords::validScalar);
		}
		return validScalar(value);
	}

	static boolean validScalar(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean;
	}

	/** YAML reads 2023-10-15 as a date: dates stay ISO text here; lists are converted element-wise. */
	static Object scalar(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(SeedRecords::scalar).toList();
		}
		if (value instanceof java.util.Date) {
			return SeedReader.string(value);
		}
		return value instanceof Integer i ? i.longValue() : value;
	}

	static List<Path> list(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
