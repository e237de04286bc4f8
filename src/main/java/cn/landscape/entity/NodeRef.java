package cn.landscape.entity;

import org.neo4j.driver.Value;

/**
 * An entity as other answers point at it. {@code ref} ({@code model:spark}) is unique across kinds and
 * is accepted wherever the API takes a reference.
 */
public record NodeRef(String id, String kind, String ref, String name, String nameEn) {

	/** Cypher that yields what {@link #of(Value)} reads, for a node variable {@code n}. */
	public static String project(String n) {
		return "{id: %1$s.id, label: [l IN labels(%1$s) WHERE l <> 'Entity'][0], name: %1$s.name, nameEn: %1$s.nameEn}"
			.formatted(n);
	}

	public static NodeRef of(Value value) {
		if (value == null || value.isNull()) {
			return null;
		}
		String kind = Kind.fromLabel(value.get("label").asString()).map(Kind::key).orElse("entity");
		String id = value.get("id").asString();
		return new NodeRef(id, kind, kind + ":" + id, value.get("name").asString(null), value.get("nameEn").asString(null));
	}

}
