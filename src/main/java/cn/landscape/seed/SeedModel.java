package cn.landscape.seed;

import java.util.List;
import java.util.Map;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.evidence.Evidence;

/**
 * The validated seed: what the loader writes. {@code warnings} are findings that do not stop a load (an entity
 * with no relationship and no note saying why); {@code sources} says what each open dataset added.
 */
public record SeedModel(List<Entity> entities, List<Relation> relations, String hash, List<SeedError> warnings,
		List<SourceReport> sources) {

	public SeedModel(List<Entity> entities, List<Relation> relations, String hash) {
		this(entities, relations, hash, List.of());
	}

	public SeedModel(List<Entity> entities, List<Relation> relations, String hash, List<SeedError> warnings) {
		this(entities, relations, hash, warnings, List.of());
	}

	/** An entity's reference as the seed files and the API write it: {@code kind:id}. */
	public static String ref(Kind kind, String id) {
		return kind.key() + ":" + id;
	}

	/**
	 * A property value and where it was read. {@code curated} is the reason when the value is the curators'
	 * reading; its evidence entries carry the same reason (with the sentences the reading rests on, or alone).
	 */
	public record Fact(Object value, List<Evidence> evidence, String curated) {

		public Fact(Object value, List<Evidence> evidence) {
			this(value, evidence, null);
		}

	}

	public record Entity(Kind kind, String id, String name, String nameEn, List<String> aliases,
			List<Evidence> evidence, Map<String, Fact> props, boolean curated) {

		public String ref() {
			return SeedModel.ref(kind, id);
		}
	}

	public record Relation(RelType type, Kind fromKind, String fromId, Kind toKind, String toId,
			List<Evidence> evidence, Map<String, Object> props, boolean curated) {

		public String key() {
			return key(fromKind, fromId, type.name(), toKind, toId);
		}

		public String fromRef() {
			return SeedModel.ref(fromKind, fromId);
		}

		public String toRef() {
			return SeedModel.ref(toKind, toId);
		}

		/** A relationship's identity: its ends and its type. */
		public static String key(Kind fromKind, String fromId, String type, Kind toKind, String toId) {
			return SeedModel.ref(fromKind, fromId) + "|" + type + "|" + SeedModel.ref(toKind, toId);
		}
	}

}
