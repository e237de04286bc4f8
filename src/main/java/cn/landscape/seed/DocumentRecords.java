package cn.landscape.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Fact;

/** documents.yaml: the source documents, and which of their text is machine-written. */
final class DocumentRecords {

	private static final Set<String> DOCUMENT_FIELDS = Set.of("id", "sourceFile", "title", "publisher", "date", "url",
			"kind", "derivedFrom", "derivedParts");

	private static final Set<String> DERIVED_PART_FIELDS = Set.of("section", "startsAt", "note");

	private final SeedRecords r;

	DocumentRecords(SeedRecords r) {
		this.r = r;
	}

	List<Entity> read() {
		String file = "documents.yaml";
		List<Entity> documents = new ArrayList<>();
		int index = 0;
		for (Object raw : r.load(r.dir.resolve(file), file)) {
			index++;
			String where = "#" + index;
			if (!(raw instanceof Map<?, ?> map)) {
				r.error(file, where, null, "a record must be a mapping");
				continue;
			}
			String id = SeedReader.string(map.get("id"));
			where = SeedRecords.label(index, id);
			r.unknownFields(file, where, map, DOCUMENT_FIELDS);
			if (!r.validId(file, where, id)) {
				continue;
			}
			String title = r.required(file, where, map, "title");
			String sourceFile = r.required(file, where, map, "sourceFile");
			Map<String, Fact> props = new LinkedHashMap<>();
			for (String field : List.of("sourceFile", "publisher", "date", "url", "kind")) {
				String value = SeedReader.string(map.get(field));
				if (value != null) {
					props.put(field, new Fact(value, List.of()));
				}
			}
			r.checkDate(file, where, "date", SeedReader.string(map.get("date")));
			String derivedFrom = SeedReader.string(map.get("derivedFrom"));
			if (derivedFrom != null) {
				r.derivedDocuments.put(id, derivedFrom);
				props.put("derivedFrom", new Fact(derivedFrom, List.of()));
			}
			Set<String> sections = derivedParts(file, where, map.get("derivedParts"));
			if (!sections.isEmpty()) {
				r.derivedSections.put(id, sections);
				props.put("derivedSections", new Fact(List.copyOf(sections), List.of()));
			}
			if (title == null || sourceFile == null) {
				continue;
			}
			r.documentIds.add(id);
			documents.add(new Entity(Kind.DOCUMENT, id, title, null, List.of(), List.of(), props, false));
		}
		Set<String> wrong = new java.util.HashSet<>();
		r.derivedDocuments.forEach((id, source) -> {
			if (!r.documentIds.contains(source) || source.equals(id)) {
				r.error(file, "(id=" + id + ")", "derivedFrom", "'" + source + "' must be the id of another document");
				wrong.add(id);
			}
			else if (r.derivedDocuments.containsKey(source)) {
				r.error(file, "(id=" + id + ")", "derivedFrom", "'" + source
						+ "' is itself derived; name the primary document");
				wrong.add(id);
			}
		});
		// a wrong source is reported once, not again on every fact that cites the document
		r.derivedDocuments.keySet().removeAll(wrong);
		return documents;
	}

	/**
	 * A document's machine-written parts (an aggregator's keywords and summary appended to an article): each has
	 * the section name evidence uses for it and the text it starts at, so the quote test can check both ways.
	 */
	private Set<String> derivedParts(String file, String where, Object raw) {
		Set<String> sections = new java.util.LinkedHashSet<>();
		if (raw == null) {
			return sections;
		}
		if (!(raw instanceof List<?> list) || list.isEmpty()) {
			r.error(file, where, "derivedParts", "must be a non-empty list of {section, startsAt, note}");
			return sections;
		}
		int i = 0;
		for (Object item : list) {
			String field = "derivedParts[" + i++ + "]";
			if (!(item instanceof Map<?, ?> part)) {
				r.error(file, where, field, "must be {section, startsAt, note}");
				continue;
			}
			r.unknownFields(file, where, part, DERIVED_PART_FIELDS);
			String section = r.required(file, where, part, "section");
			String startsAt = r.required(file, where, part, "startsAt");
			if (section != null && startsAt != null) {
				sections.add(section);
			}
		}
		return sections;
	}

}
