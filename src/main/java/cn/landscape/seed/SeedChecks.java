package cn.landscape.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.landscape.entity.Kind;
import cn.landscape.entity.Names;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.seed.SeedModel.Relation;

/** The checks across files: unique ids and names, one entity per real thing, and entities nothing links. */
final class SeedChecks {

	private final SeedRecords r;

	SeedChecks(SeedRecords r) {
		this.r = r;
	}

	void uniqueness(List<Entity> entities) {
		Map<String, String> ids = new HashMap<>();
		Map<String, String> namesByKind = new HashMap<>();
		Map<String, String> aliasesByKind = new HashMap<>();
		for (Entity e : entities) {
			String file = SeedRecords.fileOf(e.kind());
			if (ids.putIfAbsent(e.ref(), e.id()) != null) {
				r.error(file, "(id=" + e.id() + ")", "id", "duplicate id in kind " + e.kind().key());
			}
			namesByKind.putIfAbsent(e.kind().key() + "|" + Names.normalize(e.name()), e.id());
		}
		acrossKinds(entities);
		for (Entity e : entities) {
			String file = SeedRecords.fileOf(e.kind());
			List<String> own = new ArrayList<>(e.aliases());
			if (e.nameEn() != null) {
				own.add(e.nameEn());
			}
			for (String alias : own) {
				String key = e.kind().key() + "|" + Names.normalize(alias);
				String nameOwner = namesByKind.get(key);
				if (nameOwner != null && !nameOwner.equals(e.id())) {
					r.error(file, "(id=" + e.id() + ")", "aliases", "'" + alias + "' is the name of " + e.kind().key() + ":"
							+ nameOwner);
				}
				String aliasOwner = aliasesByKind.putIfAbsent(key, e.id());
				if (aliasOwner != null && !aliasOwner.equals(e.id())) {
					r.error(file, "(id=" + e.id() + ")", "aliases", "'" + alias + "' is also an alias of " + e.kind().key()
							+ ":" + aliasOwner);
				}
			}
		}
	}

	/**
	 * One entity per real thing: a name or alias that two entities of different kinds share is an error unless
	 * one of them lists the other in {@code r.ambiguousWith}. (Within a kind, sharing is never allowed.)
	 */
	private void acrossKinds(List<Entity> entities) {
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
						r.error(SeedRecords.fileOf(a.kind()), "(id=" + a.id() + ")", "aliases", "'" + name + "' also names " + b.ref()
								+ "; rename one, or list the other in ambiguousWith");
					}
				}
			}
		});
		r.ambiguousWith.forEach((ref, others) -> others.stream()
			.filter(o -> o.matches("[a-z]+:[a-z0-9-]+"))
			.filter(o -> entities.stream().noneMatch(e -> e.ref().equals(o)))
			.forEach(o -> r.error(SeedRecords.fileOfRef(ref), "(" + ref + ")", "ambiguousWith", "'" + o
					+ "' does not resolve to any entity")));
	}

	private boolean marked(Entity a, Entity b) {
		return r.ambiguousWith.getOrDefault(a.ref(), Set.of()).contains(b.ref())
				|| r.ambiguousWith.getOrDefault(b.ref(), Set.of()).contains(a.ref());
	}

	/** An entity no relationship touches is reported, unless its record says why (`r.unlinked`). */
	void orphans(List<Entity> entities, List<Relation> relations) {
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
			if (!isLinked && !r.unlinked.contains(e.ref())) {
				r.warnings.add(new SeedError(SeedRecords.fileOf(e.kind()), "(id=" + e.id() + ")", null,
						"no relationship; add the relationships its sentences state, or an `unlinked` note saying why none exists"));
			}
			else if (isLinked && r.unlinked.contains(e.ref())) {
				r.warnings.add(new SeedError(SeedRecords.fileOf(e.kind()), "(id=" + e.id() + ")", "unlinked",
						"has relationships now; remove the note"));
			}
		}
	}

}
