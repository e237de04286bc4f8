package cn.landscape.seed;

import java.util.List;
import java.util.Map;

import cn.landscape.catalog.Kind;
import cn.landscape.catalog.RelType;

/** The validated seed: what the loader writes. */
public record SeedModel(List<Entity> entities, List<Relation> relations, String hash) {

	public record Evidence(String doc, String quote, String section) {
	}

	/** A property value and where it was read; curated values carry no evidence. */
	public record Fact(Object value, List<Evidence> evidence) {
	}

	public record Entity(Kind kind, String id, String name, String nameEn, List<String> aliases,
			List<Evidence> evidence, Map<String, Fact> props, boolean curated) {

		public String ref() {
			return kind.key() + ":" + id;
		}
	}

	public record Relation(RelType type, Kind fromKind, String fromId, Kind toKind, String toId,
			List<Evidence> evidence, Map<String, Object> props, boolean curated) {

		public String key() {
			return key(fromKind, fromId, type.name(), toKind, toId);
		}

		/** A relationship's identity: its ends and its type. */
		public static String key(Kind fromKind, String fromId, String type, Kind toKind, String toId) {
			return fromKind.key() + ":" + fromId + "|" + type + "|" + toKind.key() + ":" + toId;
		}
	}

}
