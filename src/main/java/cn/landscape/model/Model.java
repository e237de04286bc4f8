package cn.landscape.model;

import java.util.List;

import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;
import org.springframework.data.neo4j.core.schema.Relationship.Direction;

import cn.landscape.chip.ChipLink;
import cn.landscape.entity.Entity;
import cn.landscape.entity.PartialDate;
import cn.landscape.industry.IndustryLink;
import cn.landscape.vendor.VendorLink;

/** A large model, or a release or size of a model family (VERSION_OF the family). */
@Node("Model")
public class Model extends Entity {

	private ModelType type;

	private Deployment deployment;

	private PartialDate releaseDate;

	private PartialDate openSourceDate;

	private List<String> capabilities = List.of();

	@Relationship(type = "DEVELOPS", direction = Direction.INCOMING)
	private List<VendorLink> developers = List.of();

	@Relationship(type = "SERVES")
	private List<IndustryLink> serves = List.of();

	@Relationship(type = "RUNS_ON")
	private List<ChipLink> runsOn = List.of();

	@Relationship(type = "TRAINED_ON")
	private List<ChipLink> trainedOn = List.of();

	@Relationship(type = "VERSION_OF")
	private List<ModelLink> versionOf = List.of();

	@Relationship(type = "BASED_ON")
	private List<ModelLink> basedOn = List.of();

	protected Model() {
	}

	public Model(String id, String name, ModelType type) {
		super(id, name);
		this.type = type;
	}

	public ModelType getType() {
		return type;
	}

	public Deployment getDeployment() {
		return deployment;
	}

	public PartialDate getReleaseDate() {
		return releaseDate;
	}

	public PartialDate getOpenSourceDate() {
		return openSourceDate;
	}

	public List<String> getCapabilities() {
		return capabilities == null ? List.of() : capabilities;
	}

	public List<VendorLink> getDevelopers() {
		return developers;
	}

	public List<IndustryLink> getServes() {
		return serves;
	}

	public List<ChipLink> getRunsOn() {
		return runsOn;
	}

	public List<ChipLink> getTrainedOn() {
		return trainedOn;
	}

	public List<ModelLink> getVersionOf() {
		return versionOf;
	}

	public List<ModelLink> getBasedOn() {
		return basedOn;
	}

}
