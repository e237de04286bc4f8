package cn.landscape.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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
			"curated", "ambiguousWith", "unlinked");

	private static final Set<String> DOCUMENT_FIELDS = Set.of("id", "sourceFile", "title", "publisher", "date", "url",
			"kind", "derivedFrom", "derivedParts");

	private static final Set<String> DERIVED_PART_FIELDS = Set.of("section", "startsAt", "note");

	private static final Set<String> EVIDENCE_FIELDS = Set.of("doc", "quote", "section");

	private static final Set<String> FACT_FIELDS = Set.of("value", "evidence", "curated");

	private static final Set<String> RELATION_FIELDS = Set.of("from", "to", "evidence", "props", "curated");

	/** Scope: what the model is for. */
	private static final Set<String> MODEL_TYPES = Set.of("general", "industry");

	/** Where the model runs (report 2.2: 云侧 / 端侧, and 端云结合 for both). */
	private static final Set<String> MODEL_DEPLOYMENTS = Set.of("cloud", "device", "device-cloud");

	/** Why {@code sector: true|false} needs no quote: the split is the curators' reading, see the README. */
	static final String SECTOR_REASON = "curators' classification: a sector of the economy (true) or a business "
			+ "function that runs across sectors (false); see graph-seed/README.md";

	private static final Set<String> REGION_LEVELS = Set.of("country", "province", "city", "district", "cluster");

	private final Path dir;

	private final List<SeedError> errors = new ArrayList<>();

	private final List<SeedError> warnings = new ArrayList<>();

	private final Set<String> documentIds = new java.util.HashSet<>();

	/** A derived document's id to the id of the document it was derived from. */
	private final Map<String, String> derivedDocuments = new HashMap<>();

	/** A document's id to the names of its machine-written sections (derived from the document itself). */
	private final Map<String, Set<String>> derivedSections = new HashMap<>();

	/** Entities whose YAML carries an {@code unlinked} note: no relationship is expected of them. */
	private final Set<String> unlinked = new java.util.HashSet<>();

	/** An entity's ref to the refs it declares it may be confused with. */
	private final Map<String, Set<String>> ambiguousWith = new HashMap<>();

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
		checkOrphans(entities, relations);
		if (!errors.isEmpty()) {
			throw new SeedValidationException(errors);
		}
		return Sources.merge(dir,
				new SeedModel(List.copyOf(entities), List.copyOf(relations), hash(dir), List.copyOf(warnings)));
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
			String derivedFrom = string(map.get("derivedFrom"));
			if (derivedFrom != null) {
				derivedDocuments.put(id, derivedFrom);
				props.put("derivedFrom", new Fact(derivedFrom, List.of()));
			}
			Set<String> sections = derivedParts(file, where, map.get("derivedParts"));
			if (!sections.isEmpty()) {
				derivedSections.put(id, sections);
				props.put("derivedSections", new Fact(List.copyOf(sections), List.of()));
			}
			if (title == null || sourceFile == null) {
				continue;
			}
			documentIds.add(id);
			documents.add(new Entity(Kind.DOCUMENT, id, title, null, List.of(), List.of(), props, false));
		}
		Set<String> wrong = new java.util.HashSet<>();
		derivedDocuments.forEach((id, source) -> {
			if (!documentIds.contains(source) || source.equals(id)) {
				error(file, "(id=" + id + ")", "derivedFrom", "'" + source + "' must be the id of another document");
				wrong.add(id);
			}
			else if (derivedDocuments.containsKey(source)) {
				error(file, "(id=" + id + ")", "derivedFrom", "'" + source
						+ "' is itself derived; name the primary document");
				wrong.add(id);
			}
		});
		// a wrong source is reported once, not again on every fact that cites the document
		derivedDocuments.keySet().removeAll(wrong);
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
			error(file, where, "derivedParts", "must be a non-empty list of {section, startsAt, note}");
			return sections;
		}
		int i = 0;
		for (Object item : list) {
			String field = "derivedParts[" + i++ + "]";
			if (!(item instanceof Map<?, ?> part)) {
				error(file, where, field, "must be {section, startsAt, note}");
				continue;
			}
			unknownFields(file, where, part, DERIVED_PART_FIELDS);
			String section = required(file, where, part, "section");
			String startsAt = required(file, where, part, "startsAt");
			if (section != null && startsAt != null) {
				sections.add(section);
			}
		}
		return sections;
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
			if (ok && map.get("unlinked") != null) {
				if (string(map.get("unlinked")).isBlank() || !(map.get("unlinked") instanceof String)) {
					error(file, where, "unlinked", "must say why the documents give this entity no relationship");
				}
				unlinked.add(SeedModel.ref(kind, id));
			}
			if (ok && map.get("ambiguousWith") != null) {
				ambiguous(kind, id, file, where, map.get("ambiguousWith"), props);
			}
			if (ok && name != null) {
				entities.add(new Entity(kind, id, name, string(map.get("nameEn")), aliases(file, where, map.get("aliases")),
						evidence, props, curated));
			}
		}
		return entities;
	}

	/**
	 * {@code ambiguousWith}: the things this entity's names could also denote, each a {@code kind:id} of the seed or
	 * a description of something outside it. Stored as a curated property so that a linker can refuse to merge.
	 */
	private void ambiguous(Kind kind, String id, String file, String where, Object raw, Map<String, Fact> props) {
		if (!(raw instanceof List<?> list) || list.isEmpty()) {
			error(file, where, "ambiguousWith", "must be a non-empty list of kind:id or descriptions");
			return;
		}
		List<String> others = list.stream().map(SeedReader::string).filter(s -> s != null && !s.isBlank()).toList();
		ambiguousWith.put(SeedModel.ref(kind, id), Set.copyOf(others));
		String reason = "its names also denote another thing; a linker must not merge on the name alone";
		props.put("ambiguousWith", new Fact(others, List.of(Evidence.curated(reason)), reason));
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
			String curated = null;
			if (kind == Kind.REGION && key.equals("level") && !(entry.getValue() instanceof Map)) {
				value = entry.getValue();
				evidence = List.of();
			}
			else if (kind == Kind.INDUSTRY && key.equals("sector") && !(entry.getValue() instanceof Map)) {
				value = entry.getValue();
				curated = SECTOR_REASON;
				evidence = List.of(Evidence.curated(curated));
			}
			else if (entry.getValue() instanceof Map<?, ?> fact) {
				unknownFields(file, where + " " + field, fact, FACT_FIELDS);
				value = fact.get("value");
				boolean curatedLevel = kind == Kind.REGION && key.equals("level");
				if (fact.containsKey("curated")) {
					curated = fact.get("curated") instanceof String reason && !reason.isBlank() ? reason : null;
					if (curated == null) {
						error(file, where, field + ".curated", "must be the reason, in words, why the value is the curators'");
					}
				}
				evidence = evidence(file, where, field + ".evidence", fact.get("evidence"),
						!curatedLevel && !fact.containsKey("curated"));
				if (curated != null) {
					evidence = withReason(evidence, curated);
				}
				else if (!evidence.isEmpty() && evidence.stream().allMatch(this::derived)) {
					error(file, where, field + ".evidence", "cites only machine-written text (derived documents or "
							+ "parts); cite the primary source, or mark the value curated with a reason");
				}
			}
			else {
				error(file, where, field, "must be {value: ..., evidence: [...]} or {value: ..., curated: reason}");
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
			props.put(key, new Fact(value, evidence, curated));
		}
		requireProp(kind, Kind.MODEL, "type", MODEL_TYPES, props, file, where);
		if (kind == Kind.MODEL && props.containsKey("deployment")) {
			requireProp(kind, Kind.MODEL, "deployment", MODEL_DEPLOYMENTS, props, file, where);
		}
		requireProp(kind, Kind.INDUSTRY, "sector", Set.of("true", "false"), props, file, where);
		if (kind == Kind.INDUSTRY && props.get("sector") != null && !(props.get("sector").value() instanceof Boolean)) {
			error(file, where, "props.sector", "must be the boolean true or false");
		}
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
				Object curatedField = map.get("curated");
				String reason = curatedField instanceof String s && !s.isBlank() ? s : null;
				boolean curated = Boolean.TRUE.equals(curatedField) || reason != null;
				if (curatedField != null && !curated) {
					error(file, where, "curated", "must be the reason, in words, why the relationship is the curators'");
				}
				boolean regionContainment = type.get() == RelType.PART_OF && from != null && to != null
						&& from.kind() == Kind.REGION && to.kind() == Kind.REGION;
				if (Boolean.TRUE.equals(curatedField) && !regionContainment) {
					error(file, where, "curated", "give the reason in words; only region containment may be "
							+ "`curated: true`");
				}
				if (sameKindOnly(type.get(), from, to) && from.kind() != to.kind()) {
					error(file, where, "to", "a " + type.get().fileKey() + " record links a " + from.kind().key()
							+ " to a " + from.kind().key() + ", not to a " + to.kind().key());
				}
				boolean needsEvidence = !Boolean.TRUE.equals(curatedField) && !(reason != null && regionContainment);
				List<Evidence> evidence = evidence(file, where, "evidence", map.get("evidence"), needsEvidence);
				if (reason != null) {
					evidence = withReason(evidence, reason);
				}
				else if (!evidence.isEmpty() && evidence.stream().allMatch(this::derived)) {
					error(file, where, "evidence", "cites only machine-written text (derived documents or parts); "
							+ "cite the primary source, or mark the relationship curated with a reason");
				}
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

	/** Versions, and parts of applications or policies, link two things of one kind. */
	private static boolean sameKindOnly(RelType type, Entity from, Entity to) {
		if (from == null || to == null) {
			return false;
		}
		return type == RelType.VERSION_OF || type == RelType.PART_OF && (Set.of(Kind.APPLICATION, Kind.POLICY)
			.contains(from.kind()) || Set.of(Kind.APPLICATION, Kind.POLICY).contains(to.kind()));
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
		checkAcrossKinds(entities);
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

	/**
	 * One entity per real thing: a name or alias that two entities of different kinds share is an error unless
	 * one of them lists the other in {@code ambiguousWith}. (Within a kind, sharing is never allowed.)
	 */
	private void checkAcrossKinds(List<Entity> entities) {
		Map<String, List<Entity>> byName = new HashMap<>();
		for (Entity e : entities) {
			if (e.kind() == Kind.DOCUMENT) {
				continue;
			}
			Set<String> names = new java.util.HashSet<>();
			names.add(Names.normalize(e.name()));
			if (e.nameEn() != null) {
				names.add(Names.normalize(e.nameEn()));
			}
			e.aliases().forEach(a -> names.add(Names.normalize(a)));
			names.forEach(n -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(e));
		}
		Set<String> reported = new java.util.HashSet<>();
		byName.forEach((name, owners) -> {
			for (Entity a : owners) {
				for (Entity b : owners) {
					if (a.kind().ordinal() < b.kind().ordinal() && !marked(a, b) && reported.add(a.ref() + "|" + b.ref())) {
						error(fileOf(a.kind()), "(id=" + a.id() + ")", "aliases", "'" + name + "' also names " + b.ref()
								+ "; rename one, or list the other in ambiguousWith");
					}
				}
			}
		});
		ambiguousWith.forEach((ref, others) -> others.stream()
			.filter(o -> o.matches("[a-z]+:[a-z0-9-]+"))
			.filter(o -> entities.stream().noneMatch(e -> e.ref().equals(o)))
			.forEach(o -> error(fileOfRef(ref), "(" + ref + ")", "ambiguousWith", "'" + o
					+ "' does not resolve to any entity")));
	}

	private boolean marked(Entity a, Entity b) {
		return ambiguousWith.getOrDefault(a.ref(), Set.of()).contains(b.ref())
				|| ambiguousWith.getOrDefault(b.ref(), Set.of()).contains(a.ref());
	}

	/** An entity no relationship touches is reported, unless its record says why (`unlinked`). */
	private void checkOrphans(List<Entity> entities, List<Relation> relations) {
		Set<String> linked = new java.util.HashSet<>();
		relations.forEach(r -> {
			linked.add(r.fromRef());
			linked.add(r.toRef());
		});
		for (Entity e : entities) {
			if (e.kind() == Kind.DOCUMENT) {
				continue;
			}
			boolean isLinked = linked.contains(e.ref());
			if (!isLinked && !unlinked.contains(e.ref())) {
				warnings.add(new SeedError(fileOf(e.kind()), "(id=" + e.id() + ")", null,
						"no relationship; add the relationships its sentences state, or an `unlinked` note saying why none exists"));
			}
			else if (isLinked && unlinked.contains(e.ref())) {
				warnings.add(new SeedError(fileOf(e.kind()), "(id=" + e.id() + ")", "unlinked",
						"has relationships now; remove the note"));
			}
		}
	}

	private static List<Evidence> withReason(List<Evidence> evidence, String reason) {
		if (evidence.isEmpty()) {
			return List.of(Evidence.curated(reason));
		}
		return evidence.stream()
			.map(e -> new Evidence(e.documentId(), e.quote(), e.section(), reason))
			.toList();
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

	/** Whether a quote comes from machine-written text: a derived document, or a derived part of one. */
	private boolean derived(Evidence evidence) {
		return derivedFrom(evidence.documentId(), evidence.section()) != null;
	}

	/** The document a quote's text was machine-derived from, or null when the quote is primary text. */
	private String derivedFrom(String doc, String section) {
		if (doc == null) {
			return null;
		}
		if (derivedDocuments.containsKey(doc)) {
			return derivedDocuments.get(doc);
		}
		return section != null && derivedSections.getOrDefault(doc, Set.of()).contains(section) ? doc : null;
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

	private static String fileOfRef(String ref) {
		return fileOf(Kind.fromKey(ref.substring(0, ref.indexOf(':'))).orElseThrow());
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
			MessageDigest digest = SeedFiles.sha256();
			Path sources = dir.resolve(Sources.DIR);
			for (Path file : files.filter(Files::isRegularFile)
				.filter(p -> p.toString().matches(".*\\.ya?ml$") || p.startsWith(sources))
				.sorted()
				.toList()) {
				digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(file));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
