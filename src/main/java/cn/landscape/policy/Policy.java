package cn.landscape.policy;

import java.util.List;

import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;

import cn.landscape.chip.ChipLink;
import cn.landscape.entity.Entity;
import cn.landscape.entity.PartialDate;
import cn.landscape.industry.IndustryLink;
import cn.landscape.model.ModelLink;
import cn.landscape.region.RegionLink;

/** A plan, opinion, measure or control issued by a government body, national, local or foreign. */
@Node("Policy")
public class Policy extends Entity {

	private PartialDate date;

	private String summary;

	private PolicyScope scope;

	@Relationship(type = "COVERS")
	private List<RegionLink> covers = List.of();

	@Relationship(type = "RESTRICTS")
	private List<ChipLink> restricts = List.of();

	@Relationship(type = "SUPPORTS")
	private List<IndustryLink> supportsIndustries = List.of();

	@Relationship(type = "SUPPORTS")
	private List<ModelLink> supportsModels = List.of();

	protected Policy() {
	}

	public Policy(String id, String name) {
		super(id, name);
	}

	public PartialDate getDate() {
		return date;
	}

	public String getSummary() {
		return summary;
	}

	public PolicyScope getScope() {
		return scope;
	}

	public List<RegionLink> getCovers() {
		return covers;
	}

	public List<ChipLink> getRestricts() {
		return restricts;
	}

	public List<IndustryLink> getSupportsIndustries() {
		return supportsIndustries;
	}

	public List<ModelLink> getSupportsModels() {
		return supportsModels;
	}

}
