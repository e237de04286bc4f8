package cn.landscape.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.entity.Names;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Fact;
import cn.landscape.seed.SeedModel.Relation;

/**
 * Reads graph-seed/ and validates all of it before anything is written: shape, ids, references,
 * aliases, evidence, dates. Collects every error and throws them together.
 */
public final class SeedReader {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

	private static final Set<String> ENTITY_FIELDS = Set.of("id", "name", "nameEn", "aliases", "evidence", "props",
			"curated");

	private static final Set<String> DOCUMENT_FIELDS = Set.of("id", "sourceFile", "title", "publisher", "date", "url",
			"kind");

	private static final Set<String> EVIDENCE_FIELDS = Set.of("doc", "quote", "section");

	private static final Set<String> RELATION_FIELDS = Set.of("from", "to", "evidence", "props", "curated");

	private static final Set<String> MODEL_TYPES = Set.of("general", "industry", "on-device", "device-cloud");

	private static final Set<String> REGION_LEVELS = Set.of("country", "province", "city", "district", "cluster");

	private final Path dir;

	private final List<SeedError> errors = new ArrayList<>();

	private final Set<String> documentIds = new java.util.HashSet<>();

	private SeedReader(Path dir) {
		this.dir = dir;
	}

	public static SeedModel read(Path dir) {
		return new SeedReader(dir).readAll();
	}

	private SeedModel readAll() {
		if (!Files.isDirectory(dir)) {
			throw new SeedValidationException(List.of(new SeedError(dir.toString(), "-", null,
					"seed folder not found; set LANDSCAPE_SEED_DIR (landscape.seed.dir)")));
		}
		List<Entity> entities = new ArrayList<>(readDocuments());
		IngestedDocuments ingested = IngestedDocuments.read(dir, errors::add);
		ingested.documents().forEach(d -> documentIds.add(d.id()));
		entities.addAll(ingested.documents());
		for (Kind kind : Kind.values()) {
			if (kind.file() != null) {
				entities.addAll(readEntities(kind));
			}
		}
		entities = ingested.withMentions(entities);
		checkUniqueness(entities);
		List<Relation> relations = ingested.withRelations(readRelations(entities), entities);
		if (!errors.isEmpty()) {
			throw new SeedValidationException(errors);
		}
		return new SeedModel(List.copyOf(entities), List.copyOf(relations), hash(dir));
	}

	private List<Entity> readDocuments() {
		String file = "documents.yaml";
		List<Entity> documents = new ArrayList<>();
		int index = 0;
		for (Object raw : load(dir.resolve(file), file)) {
			index++;
			String where = "#" + index;
			if (!(raw instanceof Map<?, ?> map)) {
				error(file, where, null, "a record must be a mapping");
				continue;
			}
			String id = string(map.get("id"));
			where = label(index, id);
			unknownFields(file, where, map, DOCUMENT_FIELDS);
			if (!validId(file, where, id)) {
				continue;
			}
			String title = required(file, where, map, "title");
			String sourceFile = required(file, where, map, "sourceFile");
			Map<String, Fact> props = new LinkedHashMap<>();
			for (String field : List.of("sourceFile", "publisher", "date", "url", "kind")) {
				String value = string(map.get(field));
				if (value != null) {
					props.put(field, new Fact(value, List.of()));
				}
			}
			checkDate(file, where, "date", string(map.get("date")));
			if (title == null || sourceFile == null) {
				continue;
			}
			documentIds.add(id);
			documents.add(new Entity(Kind.DOCUMENT, id, title, null, List.of(), List.of(), props, false));
		}
		return documents;
	}

	private List<Entity> readEntities(Kind kind) {
		String file = "entities/" + kind.file() + ".yaml";
		Path path = dir.resolve(file);
		List<Entity> entities = new ArrayList<>();
		if (!Files.exists(path)) {
			return entities;
		}
		int index = 0;
		for (Object raw : load(path, file)) {
			index++;
			if (!(raw instanceof Map<?, ?> map)) {
				error(file, "#" + index, null, "a record must be a mapping");
				continue;
			}
			String id = string(map.get("id"));
			String where = label(index, id);
			unknownFields(file, where, map, ENTITY_FIELDS);
			boolean ok = validId(file, where, id);
			String name = required(file, where, map, "name");
			boolean curated = Boolean.TRUE.equals(map.get("curated"));
			if (curated && kind != Kind.REGION) {
				error(file, where, "curated", "only regions that complete the hierarchy may be curated; give evidence");
			}
			List<Evidence> evidence = evidence(file, where, "evidence", map.get("evidence"), !curated);
			Map<String, Fact> props = props(kind, file, where, map.get("props"));
			if (ok && name != null) {
				entities.add(new Entity(kind, id, name, string(map.get("nameEn")), aliases(file, where, map.get("aliases")),
						evidence, props, curated));
			}
		}
		return entities;
	}

	private Map<String, Fact> props(Kind kind, String file, String where, Object raw) {
		Map<String, Fact> props = new LinkedHashMap<>();
		if (raw != null && !(raw instanceof Map)) {
			error(file, where, "props", "must be a mapping of key: {value, evidence}");
			raw = null;
		}
		Map<?, ?> map = raw == null ? Map.of() : (Map<?, ?>) raw;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = String.valueOf(entry.getKey());
			String field = "props." + key;
			if (!key.matches("[a-z][A-Za-z0-9]*") || (Set.of("id", "name", "nameEn", "aliases", "keys", "seedHash",
					"curated").contains(key) || Evidence.STORED.contains(key))) {
				error(file, where, field, "property names are lowerCamelCase and may not shadow a reserved name");
				continue;
			}
			Object value;
			List<Evidence> evidence;
			if (kind == Kind.REGION && key.equals("level") && !(entry.getValue() instanceof Map)) {
				value = entry.getValue();
				evidence = List.of();
			}
			else if (entry.getValue() instanceof Map<?, ?> fact) {
				value = fact.get("value");
				boolean curatedLevel = kind == Kind.REGION && key.equals("level");
				evidence = evidence(file, where, field + ".evidence", fact.get("evidence"), !curatedLevel);
			}
			else {
				error(file, where, field, "must be {value: ..., evidence: [...]}");
				continue;
			}
			value = scalar(value);
			if (!validValue(value)) {
				error(file, where, field + ".value", "must be a string, number, boolean or a list of them");
				continue;
			}
			if (key.toLowerCase(Locale.ROOT).endsWith("date") || key.equals("year")) {
				checkDate(file, where, field, String.valueOf(value));
			}
			props.put(key, new Fact(value, evidence));
		}
		requireProp(kind, Kind.MODEL, "type", MODEL_TYPES, props, file, where);
		requireProp(kind, Kind.REGION, "level", REGION_LEVELS, props, file, where);
		if (kind == Kind.FIGURE && !props.containsKey("value")) {
			error(file, where, "props.value", "a figure needs its value");
		}
		return props;
	}

	private void requireProp(Kind kind, Kind target, String key, Set<String> allowed, Map<String, Fact> props,
			String file, String where) {
		if (kind != target) {
			return;
		}
		Fact fact = props.get(key);
		if (fact == null) {
			error(file, where, "props." + key, "required, one of " + allowed);
		}
		else if (!allowed.contains(String.valueOf(fact.value()))) {
			error(file, where, "props." + key, "'" + fact.value() + "' is not one of " + allowed);
		}
	}

	private List<Relation> readRelations(List<Entity> entities) {
		Map<String, Entity> byRef = new HashMap<>();
		entities.forEach(e -> byRef.put(e.ref(), e));
		List<Relation> relations = new ArrayList<>();
		Path relationsDir = dir.resolve("relations");
		if (!Files.isDirectory(relationsDir)) {
			return relations;
		}
		Map<String, String> seen = new HashMap<>();
		for (Path path : list(relationsDir)) {
			String base = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
			String file = "relations/" + path.getFileName();
			Optional<RelType> type = RelType.fromFileName(base);
			if (type.isEmpty()) {
				error(file, "-", null, "unknown relationship type '" + base + "'; see graph-seed/README.md");
				continue;
			}
			int index = 0;
			for (Object raw : load(path, file)) {
				index++;
				String where = "#" + index;
				if (!(raw instanceof Map<?, ?> map)) {
					error(file, where, null, "a record must be a mapping");
					continue;
				}
				where = "#" + index + " (" + map.get("from") + " -> " + map.get("to") + ")";
				unknownFields(file, where, map, RELATION_FIELDS);
				Entity from = endpoint(file, where, "from", map.get("from"), type.get().from(), byRef);
				Entity to = endpoint(file, where, "to", map.get("to"), type.get().to(), byRef);
				boolean curated = Boolean.TRUE.equals(map.get("curated"));
				boolean curatedAllowed = type.get() == RelType.PART_OF && from != null && to != null
						&& from.kind() == Kind.REGION && to.kind() == Kind.REGION;
				if (curated && !curatedAllowed) {
					error(file, where, "curated", "only region containment (part-of between regions) may be curated");
				}
				List<Evidence> evidence = evidence(file, where, "evidence", map.get("evidence"), !curated);
				Map<String, Object> props = new LinkedHashMap<>();
				if (map.get("props") instanceof Map<?, ?> p) {
					for (Map.Entry<?, ?> entry : p.entrySet()) {
						Object v = scalar(entry.getValue());
						String key = String.valueOf(entry.getKey());
						if (validValue(v)) {
							if (key.toLowerCase(Locale.ROOT).endsWith("date") || key.equals("year") || key.equals("asOf")) {
								checkDate(file, where, "props." + key, String.valueOf(v));
							}
							props.put(key, v);
						}
						else {
							error(file, where, "props." + entry.getKey(), "must be a string, number, boolean or list");
						}
					}
				}
				else if (map.get("props") != null) {
					error(file, where, "props", "must be a mapping");
				}
				if (from == null || to == null) {
					continue;
				}
				Relation relation = new Relation(type.get(), from.kind(), from.id(), to.kind(), to.id(), evidence, props,
						curated);
				String previous = seen.putIfAbsent(relation.key(), file + " " + where);
				if (previous != null) {
					error(file, where, null, "the same fact is already at " + previous + "; merge their evidence");
					continue;
				}
				relations.add(relation);
			}
		}
		return relations;
	}

	private Entity endpoint(String file, String where, String field, Object raw, Set<Kind> allowed,
			Map<String, Entity> byRef) {
		String ref = string(raw);
		if (ref == null || !ref.contains(":")) {
			error(file, where, field, "must be <kind>:<id>, e.g. model:spark");
			return null;
		}
		String kindKey = ref.substring(0, ref.indexOf(':'));
		Optional<Kind> kind = Kind.fromKey(kindKey);
		if (kind.isEmpty()) {
			error(file, where, field, "unknown kind '" + kindKey + "'");
			return null;
		}
		if (!allowed.contains(kind.get())) {
			error(file, where, field, "a " + kind.get().key() + " is not allowed here; allowed: "
					+ allowed.stream().map(Kind::key).sorted().toList());
			return null;
		}
		Entity entity = byRef.get(SeedModel.ref(kind.get(), ref.substring(ref.indexOf(':') + 1)));
		if (entity == null) {
			error(file, where, field, "'" + ref + "' does not resolve to any entity");
		}
		return entity;
	}

	private void checkUniqueness(List<Entity> entities) {
		Map<String, String> ids = new HashMap<>();
		Map<String, String> namesByKind = new HashMap<>();
		Map<String, String> aliasesByKind = new HashMap<>();
		for (Entity e : entities) {
			String file = fileOf(e.kind());
			if (ids.putIfAbsent(e.ref(), e.id()) != null) {
				error(file, "(id=" + e.id() + ")", "id", "duplicate id in kind " + e.kind().key());
			}
			namesByKind.putIfAbsent(e.kind().key() + "|" + Names.normalize(e.name()), e.id());
		}
		for (Entity e : entities) {
			String file = fileOf(e.kind());
			List<String> own = new ArrayList<>(e.aliases());
			if (e.nameEn() != null) {
				own.add(e.nameEn());
			}
			for (String alias : own) {
				String key = e.kind().key() + "|" + Names.normalize(alias);
				String nameOwner = namesByKind.get(key);
				if (nameOwner != null && !nameOwner.equals(e.id())) {
					error(file, "(id=" + e.id() + ")", "aliases", "'" + alias + "' is the name of " + e.kind().key() + ":"
							+ nameOwner);
				}
				String aliasOwner = aliasesByKind.putIfAbsent(key, e.id());
				if (aliasOwner != null && !aliasOwner.equals(e.id())) {
					error(file, "(id=" + e.id() + ")", "aliases", "'" + alias + "' is also an alias of " + e.kind().key()
							+ ":" + aliasOwner);
				}
			}
		}
	}

	private List<Evidence> evidence(String file, String where, String field, Object raw, boolean required) {
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
			String doc = string(map.get("doc"));
			String quote = string(map.get("quote"));
			if (doc == null || !documentIds.contains(doc)) {
				error(file, where, f + ".doc", "'" + doc + "' is not a document id of documents.yaml");
			}
			if (quote == null || quote.isBlank()) {
				error(file, where, f + ".quote", "a verbatim quote is required");
			}
			evidence.add(Evidence.of(doc, quote, string(map.get("section"))));
		}
		return evidence;
	}

	private List<String> aliases(String file, String where, Object raw) {
		if (raw == null) {
			return List.of();
		}
		if (!(raw instanceof List<?> list)) {
			error(file, where, "aliases", "must be a list of names");
			return List.of();
		}
		return list.stream().map(SeedReader::string).filter(s -> s != null && !s.isBlank()).toList();
	}

	private List<?> load(Path path, String file) {
		try {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
				.load(Files.readString(path, StandardCharsets.UTF_8));
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

	private boolean validId(String file, String where, String id) {
		if (id == null) {
			error(file, where, "id", "required");
			return false;
		}
		if (!SLUG.matcher(id).matches()) {
			error(file, where, "id", "'" + id + "' is not a URL-safe slug ([a-z0-9]+(-[a-z0-9]+)*)");
			return false;
		}
		return true;
	}

	private String required(String file, String where, Map<?, ?> map, String field) {
		String value = string(map.get(field));
		if (value == null || value.isBlank()) {
			error(file, where, field, "required");
			return null;
		}
		return value;
	}

	private void unknownFields(String file, String where, Map<?, ?> map, Set<String> allowed) {
		for (Object key : map.keySet()) {
			if (!allowed.contains(String.valueOf(key))) {
				error(file, where, String.valueOf(key), "unknown field; allowed: " + allowed.stream().sorted().toList());
			}
		}
	}

	private void checkDate(String file, String where, String field, String value) {
		if (value != null && !ISO_DATE.matcher(value).matches()) {
			error(file, where, field, "'" + value + "' is not an ISO date (2023, 2023-10 or 2023-10-15)");
		}
	}

	private void error(String file, String record, String field, String message) {
		errors.add(new SeedError(file, record, field, message));
	}

	private static String label(int index, String id) {
		return "#" + index + (id == null ? "" : " (id=" + id + ")");
	}

	private static String fileOf(Kind kind) {
		return kind.file() == null ? "documents.yaml" : "entities/" + kind.file() + ".yaml";
	}

	private static boolean validValue(Object value) {
		if (value instanceof List<?> list) {
			return !list.isEmpty() && list.stream().allMatch(SeedReader::validScalar);
		}
		return validScalar(value);
	}

	private static boolean validScalar(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean;
	}

	/** YAML reads 2023-10-15 as a date: dates stay ISO text here; lists are converted element-wise. */
	private static Object scalar(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(SeedReader::scalar).toList();
		}
		if (value instanceof java.util.Date) {
			return string(value);
		}
		return value instanceof Integer i ? i.longValue() : value;
	}

	static String string(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant().toString().substring(0, 10);
		}
		return String.valueOf(value);
	}

	private static List<Path> list(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String hash(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
				digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(file));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
