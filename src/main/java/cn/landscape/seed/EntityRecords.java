package cn.landscape.seed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.landscape.entity.Kind;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Fact;

/** entities/<kind>.yaml: each kind's records, their names, aliases, evidence and typed properties. */
final class EntityRecords {

	private static final Set<String> ENTITY_FIELDS = Set.of("id", "name", "nameEn", "aliases", "evidence", "props",
			"curated", "ambiguousWith", "unlinked");

	private static final Set<String> FACT_FIELDS = Set.of("value", "evidence", "curated");

	/** Scope: what the model is for. */
	private static final Set<String> MODEL_TYPES = Set.of("general", "industry");

	/** Where the model runs (report 2.2: 云侧 / 端侧, and 端云结合 for both). */
	private static final Set<String> MODEL_DEPLOYMENTS = Set.of("cloud", "device", "device-cloud");

	private static final Set<String> REGION_LEVELS = Set.of("country", "province", "city", "district", "cluster");

	private final SeedRecords r;

	EntityRecords(SeedRecords r) {
		this.r = r;
	}

	List<Entity> read(Kind kind) {
		String file = "entities/" + kind.file() + ".yaml";
		Path path = r.dir.resolve(file);
		List<Entity> entities = new ArrayList<>();
		if (!Files.exists(path)) {
			return entities;
		}
		int index = 0;
		for (Object raw : r.load(path, file)) {
			index++;
			if (!(raw instanceof Map<?, ?> map)) {
				r.error(file, "#" + index, null, "a record must be a mapping");
				continue;
			}
			String id = SeedReader.string(map.get("id"));
			String where = SeedRecords.label(index, id);
			r.unknownFields(file, where, map, ENTITY_FIELDS);
			boolean ok = r.validId(file, where, id);
			String name = r.required(file, where, map, "name");
			boolean curated = Boolean.TRUE.equals(map.get("curated"));
			if (curated && kind != Kind.REGION) {
				r.error(file, where, "curated", "only regions that complete the hierarchy may be curated; give evidence");
			}
			List<Evidence> evidence = r.evidence(file, where, "evidence", map.get("evidence"), !curated);
			Map<String, Fact> props = props(kind, file, where, map.get("props"));
			if (ok && map.get("unlinked") != null) {
				if (SeedReader.string(map.get("unlinked")).isBlank() || !(map.get("unlinked") instanceof String)) {
					r.error(file, where, "unlinked", "must say why the documents give this entity no relationship");
				}
				r.unlinked.add(SeedModel.ref(kind, id));
			}
			if (ok && map.get("ambiguousWith") != null) {
				ambiguous(kind, id, file, where, map.get("ambiguousWith"), props);
			}
			if (ok && name != null) {
				entities.add(new Entity(kind, id, name, SeedReader.string(map.get("nameEn")), r.aliases(file, where, map.get("aliases")),
						evidence, props, curated));
			}
		}
		return entities;
	}

	/**
	 * {@code r.ambiguousWith}: the things this entity's names could also denote, each a {@code kind:id} of the seed or
	 * a description of something outside it. Stored as a curated property so that a linker can refuse to merge.
	 */
	private void ambiguous(Kind kind, String id, String file, String where, Object raw, Map<String, Fact> props) {
		if (!(raw instanceof List<?> list) || list.isEmpty()) {
			r.error(file, where, "ambiguousWith", "must be a non-empty list of kind:id or descriptions");
			return;
		}
		List<String> others = list.stream().map(SeedReader::string).filter(s -> s != null && !s.isBlank()).toList();
		r.ambiguousWith.put(SeedModel.ref(kind, id), Set.copyOf(others));
		String reason = "its names also denote another thing; a linker must not merge on the name alone";
		props.put("ambiguousWith", new Fact(others, List.of(Evidence.curated(reason)), reason));
	}

	private Map<String, Fact> props(Kind kind, String file, String where, Object raw) {
		Map<String, Fact> props = new LinkedHashMap<>();
		if (raw != null && !(raw instanceof Map)) {
			r.error(file, where, "props", "must be a mapping of key: {value, evidence}");
			raw = null;
		}
		Map<?, ?> map = raw == null ? Map.of() : (Map<?, ?>) raw;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = String.valueOf(entry.getKey());
			String field = "props." + key;
			if (!key.matches("[a-z][A-Za-z0-9]*") || (Set.of("id", "name", "nameEn", "aliases", "keys", "seedHash",
					"curated").contains(key) || Evidence.STORED.contains(key))) {
				r.error(file, where, field, "property names are lowerCamelCase and may not shadow a reserved name");
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
				curated = SeedReader.SECTOR_REASON;
				evidence = List.of(Evidence.curated(curated));
			}
			else if (entry.getValue() instanceof Map<?, ?> fact) {
				r.unknownFields(file, where + " " + field, fact, FACT_FIELDS);
				value = fact.get("value");
				boolean curatedLevel = kind == Kind.REGION && key.equals("level");
				if (fact.containsKey("curated")) {
					curated = fact.get("curated") instanceof String reason && !reason.isBlank() ? reason : null;
					if (curated == null) {
						r.error(file, where, field + ".curated", "must be the reason, in words, why the value is the curators'");
					}
				}
				evidence = r.evidence(file, where, field + ".evidence", fact.get("evidence"),
						!curatedLevel && !fact.containsKey("curated"));
				if (curated != null) {
					evidence = SeedRecords.withReason(evidence, curated);
				}
				else if (!evidence.isEmpty() && evidence.stream().allMatch(r::derived)) {
					r.error(file, where, field + ".evidence", "cites only machine-written text (derived documents or "
							+ "parts); cite the primary source, or mark the value curated with a reason");
				}
			}
			else {
				r.error(file, where, field, "must be {value: ..., evidence: [...]} or {value: ..., curated: reason}");
				continue;
			}
			value = SeedRecords.scalar(value);
			if (!SeedRecords.validValue(value)) {
				r.error(file, where, field + ".value", "must be a string, number, boolean or a list of them");
				continue;
			}
			if (key.toLowerCase(Locale.ROOT).endsWith("date") || key.equals("year")) {
				r.checkDate(file, where, field, String.valueOf(value));
			}
			props.put(key, new Fact(value, evidence, curated));
		}
		requireProp(kind, Kind.MODEL, "type", MODEL_TYPES, props, file, where);
		if (kind == Kind.MODEL && props.containsKey("deployment")) {
			requireProp(kind, Kind.MODEL, "deployment", MODEL_DEPLOYMENTS, props, file, where);
		}
		requireProp(kind, Kind.INDUSTRY, "sector", Set.of("true", "false"), props, file, where);
		if (kind == Kind.INDUSTRY && props.get("sector") != null && !(props.get("sector").value() instanceof Boolean)) {
			r.error(file, where, "props.sector", "must be the boolean true or false");
		}
		requireProp(kind, Kind.REGION, "level", REGION_LEVELS, props, file, where);
		if (kind == Kind.FIGURE && !props.containsKey("value")) {
			r.error(file, where, "props.value", "a figure needs its value");
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
			r.error(file, where, "props." + key, "required, one of " + allowed);
		}
		else if (!allowed.contains(String.valueOf(fact.value()))) {
			r.error(file, where, "props." + key, "'" + fact.value() + "' is not one of " + allowed);
		}
	}

}
