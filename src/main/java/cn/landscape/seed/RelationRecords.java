package cn.landscape.seed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Relation;

/** relations/<type>.yaml: each relationship type's records, their ends, evidence and properties. */
final class RelationRecords {

	private static final Set<String> RELATION_FIELDS = Set.of("from", "to", "evidence", "props", "curated");

	private final SeedRecords r;

	RelationRecords(SeedRecords r) {
		this.r = r;
	}

	List<Relation> read(List<Entity> entities) {
		Map<String, Entity> byRef = new HashMap<>();
		entities.forEach(e -> byRef.put(e.ref(), e));
		List<Relation> relations = new ArrayList<>();
		Path relationsDir = r.dir.resolve("relations");
		if (!Files.isDirectory(relationsDir)) {
			return relations;
		}
		Map<String, String> seen = new HashMap<>();
		for (Path path : SeedRecords.list(relationsDir)) {
			String base = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
			String file = "relations/" + path.getFileName();
			Optional<RelType> type = RelType.fromFileName(base);
			if (type.isEmpty()) {
				r.error(file, "-", null, "unknown relationship type '" + base + "'; see graph-seed/README.md");
				continue;
			}
			int index = 0;
			for (Object raw : r.load(path, file)) {
				index++;
				String where = "#" + index;
				if (!(raw instanceof Map<?, ?> map)) {
					r.error(file, where, null, "a record must be a mapping");
					continue;
				}
				where = "#" + index + " (" + map.get("from") + " -> " + map.get("to") + ")";
				r.unknownFields(file, where, map, RELATION_FIELDS);
				Entity from = endpoint(file, where, "from", map.get("from"), type.get().from(), byRef);
				Entity to = endpoint(file, where, "to", map.get("to"), type.get().to(), byRef);
				Object curatedField = map.get("curated");
				String reason = curatedField instanceof String s && !s.isBlank() ? s : null;
				boolean curated = Boolean.TRUE.equals(curatedField) || reason != null;
				if (curatedField != null && !curated) {
					r.error(file, where, "curated", "must be the reason, in words, why the relationship is the curators'");
				}
				boolean regionContainment = type.get() == RelType.PART_OF && from != null && to != null
						&& from.kind() == Kind.REGION && to.kind() == Kind.REGION;
				if (Boolean.TRUE.equals(curatedField) && !regionContainment) {
					r.error(file, where, "curated", "give the reason in words; only region containment may be "
							+ "`curated: true`");
				}
				if (sameKindOnly(type.get(), from, to) && from.kind() != to.kind()) {
					r.error(file, where, "to", "a " + type.get().fileKey() + " record links a " + from.kind().key()
							+ " to a " + from.kind().key() + ", not to a " + to.kind().key());
				}
				boolean needsEvidence = !Boolean.TRUE.equals(curatedField) && !(reason != null && regionContainment);
				List<Evidence> evidence = r.evidence(file, where, "evidence", map.get("evidence"), needsEvidence);
				if (reason != null) {
					evidence = SeedRecords.withReason(evidence, reason);
				}
				else if (!evidence.isEmpty() && evidence.stream().allMatch(r::derived)) {
					r.error(file, where, "evidence", "cites only machine-written text (derived documents or parts); "
							+ "cite the primary source, or mark the relationship curated with a reason");
				}
				Map<String, Object> props = new LinkedHashMap<>();
				if (map.get("props") instanceof Map<?, ?> p) {
					for (Map.Entry<?, ?> entry : p.entrySet()) {
						Object v = SeedRecords.scalar(entry.getValue());
						String key = String.valueOf(entry.getKey());
						if (SeedRecords.validValue(v)) {
							if (key.toLowerCase(Locale.ROOT).endsWith("date") || key.equals("year") || key.equals("asOf")) {
								r.checkDate(file, where, "props." + key, String.valueOf(v));
							}
							props.put(key, v);
						}
						else {
							r.error(file, where, "props." + entry.getKey(), "must be a string, number, boolean or list");
						}
					}
				}
				else if (map.get("props") != null) {
					r.error(file, where, "props", "must be a mapping");
				}
				if (from == null || to == null) {
					continue;
				}
				Relation relation = new Relation(type.get(), from.kind(), from.id(), to.kind(), to.id(), evidence, props,
						curated);
				String previous = seen.putIfAbsent(relation.key(), file + " " + where);
				if (previous != null) {
					r.error(file, where, null, "the same fact is already at " + previous + "; merge their evidence");
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
		String ref = SeedReader.string(raw);
		if (ref == null || !ref.contains(":")) {
			r.error(file, where, field, "must be <kind>:<id>, e.g. model:spark");
			return null;
		}
		String kindKey = ref.substring(0, ref.indexOf(':'));
		Optional<Kind> kind = Kind.fromKey(kindKey);
		if (kind.isEmpty()) {
			r.error(file, where, field, "unknown kind '" + kindKey + "'");
			return null;
		}
		if (!allowed.contains(kind.get())) {
			r.error(file, where, field, "a " + kind.get().key() + " is not allowed here; allowed: "
					+ allowed.stream().map(Kind::key).sorted().toList());
			return null;
		}
		Entity entity = byRef.get(SeedModel.ref(kind.get(), ref.substring(ref.indexOf(':') + 1)));
		if (entity == null) {
			r.error(file, where, field, "'" + ref + "' does not resolve to any entity");
		}
		return entity;
	}

}
