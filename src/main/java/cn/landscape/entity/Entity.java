package cn.landscape.entity;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

import cn.landscape.evidence.Evidence;

/**
 * What every node of the landscape is: a kind (its label beside {@code Entity}), an id unique within the
 * kind, a Chinese name as the documents write it, and the curated English name and aliases. The evidence
 * of its properties is stored as {@link Evidence} writes it; where the documents name it are MENTIONS
 * relationships from documents.
 */
@Node("Entity")
public abstract class Entity {

	@Id
	private String id;

	private String name;

	private String nameEn;

	private List<String> aliases = List.of();

	/** Which of its facts the curators added: nameEn, aliases, properties. */
	@ReadOnlyProperty
	private List<String> curated = List.of();

	@ReadOnlyProperty
	private List<String> evidenceDocs = List.of();

	@ReadOnlyProperty
	private List<String> evidenceQuotes = List.of();

	@ReadOnlyProperty
	private List<String> evidenceSections = List.of();

	@ReadOnlyProperty
	private List<String> evidenceCurated = List.of();

	@ReadOnlyProperty
	private List<String> evidenceProperties = List.of();

	@ReadOnlyProperty
	private List<String> evidenceRows = List.of();

	@ReadOnlyProperty
	private List<String> evidenceClaims = List.of();

	protected Entity() {
	}

	protected Entity(String id, String name) {
		this.id = id;
		this.name = name;
	}

	public String getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public List<String> getAliases() {
		return aliases == null ? List.of() : aliases;
	}

	public void setAliases(List<String> aliases) {
		this.aliases = List.copyOf(aliases);
	}

	public List<String> getCurated() {
		return curated == null ? List.of() : curated;
	}

	/** The evidence of each property, by property name. */
	public Map<String, List<Evidence>> propertyEvidence() {
		return Evidence.readByProperty(id, new Evidence.Stored(evidenceDocs, evidenceQuotes, evidenceSections,
				evidenceCurated, evidenceRows, evidenceClaims, evidenceProperties));
	}

}
