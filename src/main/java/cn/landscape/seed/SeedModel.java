package cn.landscape.seed;

import java.util.List;
import java.util.Map;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.evidence.Evidence;

/** The validated seed: what the loader writes. */
public record SeedModel(List<Entity> entities, List<Relation> relations, String hash) {

	/** An entity's reference as the seed files and the API write it: {@code kind:id}. */
	public static String ref(Kind kind, String id) {
		return kind.key() + ":" + id;
	}

	/** A property value and where it was read; curated values carry no evidence. */
	public record Fact(Object value, List<Evidence> evidence) {
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
