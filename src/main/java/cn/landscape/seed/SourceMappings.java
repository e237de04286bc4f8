package cn.landscape.seed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;

/**
 * Reads a source's {@code mapping.yaml} into a {@link SourceMapping}, reporting every mistake with the file and
 * the entry's name: an unknown field, format, kind, relationship type or parse, a relation whose ends are not
 * entries of the mapping or that its type does not allow. The columns are checked against the file later.
 */
final class SourceMappings {

	private static final Set<String> TOP = Set.of("format", "file", "key", "take", "blank", "entities", "relations");

	private static final Set<String> TAKE = Set.of("name", "column", "equals", "contains", "referencedBy");

	private static final Set<String> ENTITY = Set.of("name", "kind", "column", "list", "parse", "create", "values",
			"compound", "props");

	private static final Set<String> PROP = Set.of("column", "parse", "values", "otherwise");

	private static final Set<String> RELATION = Set.of("name", "type", "from", "to", "props");

	private final String file;

	private final List<SeedError> errors;

	private SourceMappings(String file, List<SeedError> errors) {
		this.file = file;
		this.errors = errors;
	}

	/** The mapping, or empty when it has errors (all of them added to {@code errors}). */
	static Optional<SourceMapping> read(Object yaml, String file, List<SeedError> errors) {
		int before = errors.size();
		SourceMapping mapping = new SourceMappings(file, errors).mapping(yaml);
		return errors.size() == before ? Optional.of(mapping) : Optional.empty();
	}

	private SourceMapping mapping(Object yaml) {
		if (!(yaml instanceof Map<?, ?> map)) {
			error("-", null, "must be a mapping with format, file, key, entities and relations");
			return null;
		}
		unknown("-", map, TOP);
		SourceTable.Format format = SourceTable.Format.fromKey(text(map.get("format"))).orElse(null);
		if (format == null) {
			error("-", "format", "'" + map.get("format") + "' is not one of csv, yaml-records, markdown-table");
		}
		String dataFile = required("-", map, "file");
		String key = required("-", map, "key");
		List<SourceMapping.Take> take = new ArrayList<>();
		for (Map<?, ?> rule : records(map.get("take"), "take")) {
			String where = "take " + text(rule.get("name"));
			unknown(where, rule, TAKE);
			required(where, rule, "name");
			long ways = java.util.stream.Stream.of("equals", "contains", "referencedBy").filter(rule::containsKey).count();
			if (ways != 1 || (rule.get("referencedBy") == null && rule.get("column") == null)) {
				error(where, null, "needs a column with one of equals or contains, or referencedBy alone");
			}
			take.add(new SourceMapping.Take(text(rule.get("name")), text(rule.get("column")), text(rule.get("equals")),
					text(rule.get("contains")), text(rule.get("referencedBy"))));
		}
		Set<String> blank = new LinkedHashSet<>(List.of(""));
		if (map.get("blank") instanceof List<?> list) {
			list.forEach(b -> blank.add(text(b)));
		}
		Map<String, SourceMapping.EntitySpec> entities = new LinkedHashMap<>();
		for (Map<?, ?> raw : records(map.get("entities"), "entities")) {
			SourceMapping.EntitySpec spec = entity(raw);
			if (spec != null && entities.putIfAbsent(spec.name(), spec) != null) {
				error("entity " + spec.name(), "name", "is used twice; each entry needs a name of its own");
			}
		}
		List<SourceMapping.RelationSpec> relations = new ArrayList<>();
		Set<String> relationNames = new HashSet<>();
		for (Map<?, ?> raw : records(map.get("relations"), "relations")) {
			SourceMapping.RelationSpec spec = relation(raw, entities);
			if (spec != null && !relationNames.add(spec.name())) {
				error("relation " + spec.name(), "name", "is used twice; each entry needs a name of its own");
			}
			if (spec != null) {
				relations.add(spec);
			}
		}
		return new SourceMapping(format, dataFile, key, take, Set.copyOf(blank), List.copyOf(entities.values()),
				relations);
	}

	private SourceMapping.EntitySpec entity(Map<?, ?> raw) {
		String name = text(raw.get("name"));
		String where = "entity " + name;
		unknown(where, raw, ENTITY);
		if (required(where, raw, "name") == null) {
			return null;
		}
		Kind kind = Kind.fromKey(text(raw.get("kind"))).filter(k -> k != Kind.DOCUMENT).orElse(null);
		if (kind == null) {
			error(where, "kind", "'" + raw.get("kind") + "' is not a kind of entity; see graph-seed/README.md");
		}
		String column = required(where, raw, "column");
		Cells.Parse parse = parse(where, raw.get("parse"));
		boolean create = !Boolean.FALSE.equals(raw.get("create"));
		List<SourceMapping.PropSpec> props = new ArrayList<>();
		if (raw.get("props") instanceof Map<?, ?> map) {
			map.forEach((property, spec) -> {
				String field = "props." + property;
				if (!String.valueOf(property).matches("[a-z][A-Za-z0-9]*")) {
					error(where, field, "property names are lowerCamelCase");
				}
				if (spec instanceof Map<?, ?> p) {
					props.add(prop(where + " " + field, String.valueOf(property), p));
				}
				else {
					error(where, field, "must be {column, parse, values, otherwise}");
				}
			});
		}
		else if (raw.get("props") != null) {
			error(where, "props", "must be a mapping of property: {column, parse}");
		}
		return new SourceMapping.EntitySpec(name, kind, column, text(raw.get("list")), parse, create,
				values(where, raw.get("values")), Boolean.TRUE.equals(raw.get("compound")), props);
	}

	private SourceMapping.PropSpec prop(String where, String property, Map<?, ?> raw) {
		unknown(where, raw, PROP);
		return new SourceMapping.PropSpec(property, required(where, raw, "column"), parse(where, raw.get("parse")),
				values(where, raw.get("values")), text(raw.get("otherwise")));
	}

	private SourceMapping.RelationSpec relation(Map<?, ?> raw, Map<String, SourceMapping.EntitySpec> entities) {
		String name = text(raw.get("name"));
		String where = "relation " + name;
		unknown(where, raw, RELATION);
		if (required(where, raw, "name") == null) {
			return null;
		}
		RelType type = RelType.fromName(text(raw.get("type"))).filter(t -> t != RelType.MENTIONS).orElse(null);
		if (type == null) {
			error(where, "type", "'" + raw.get("type") + "' is not a relationship type; see graph-seed/README.md");
		}
		SourceMapping.EntitySpec from = end(where, "from", raw, entities);
		SourceMapping.EntitySpec to = end(where, "to", raw, entities);
		if (type != null && from != null && from.kind() != null && !type.from().contains(from.kind())) {
			error(where, "from", "a " + type + " does not start at a " + from.kind().key());
		}
		if (type != null && to != null && to.kind() != null && !type.to().contains(to.kind())) {
			error(where, "to", "a " + type + " does not end at a " + to.kind().key());
		}
		List<SourceMapping.PropSpec> props = new ArrayList<>();
		if (raw.get("props") instanceof Map<?, ?> map) {
			map.forEach((property, spec) -> {
				if (spec instanceof Map<?, ?> p) {
					props.add(prop(where + " props." + property, String.valueOf(property), p));
				}
				else {
					error(where, "props." + property, "must be {column, parse}");
				}
			});
		}
		return new SourceMapping.RelationSpec(name, type, text(raw.get("from")), text(raw.get("to")), props);
	}

	private SourceMapping.EntitySpec end(String where, String field, Map<?, ?> raw,
			Map<String, SourceMapping.EntitySpec> entities) {
		SourceMapping.EntitySpec spec = entities.get(text(raw.get(field)));
		if (spec == null) {
			error(where, field, "'" + raw.get(field) + "' is not the name of an entry under entities");
		}
		return spec;
	}

	private Cells.Parse parse(String where, Object raw) {
		return Cells.Parse.fromKey(text(raw)).orElseGet(() -> {
			error(where, "parse", "'" + raw + "' is not one of text, number, date, boolean, link-text, link-url, lower");
			return Cells.Parse.TEXT;
		});
	}

	private Map<String, String> values(String where, Object raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw instanceof Map<?, ?> map) {
			map.forEach((k, v) -> values.put(text(k), text(v)));
		}
		else if (raw != null) {
			error(where, "values", "must be a mapping of cell: value");
		}
		return values;
	}

	private List<Map<?, ?>> records(Object raw, String field) {
		List<Map<?, ?>> records = new ArrayList<>();
		if (raw == null) {
			return records;
		}
		if (!(raw instanceof List<?> list)) {
			error("-", field, "must be a list");
			return records;
		}
		for (Object item : list) {
			if (item instanceof Map<?, ?> map) {
				records.add(map);
			}
			else {
				error("-", field, "each entry must be a mapping");
			}
		}
		return records;
	}

	private String required(String where, Map<?, ?> map, String field) {
		String value = text(map.get(field));
		if (value == null || value.isBlank()) {
			error(where, field, "required");
			return null;
		}
		return value;
	}

	private void unknown(String where, Map<?, ?> map, Set<String> allowed) {
		map.keySet().stream().map(String::valueOf).filter(k -> !allowed.contains(k)).forEach(k -> error(where, k,
				"unknown field; allowed: " + allowed.stream().sorted().toList()));
	}

	private void error(String where, String field, String message) {
		errors.add(new SeedError(file, where, field, message));
	}

	private static String text(Object value) {
		return SeedReader.string(value);
	}

}
