package cn.landscape.vendor;

import java.util.List;

import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;

import cn.landscape.entity.Entity;
import cn.landscape.region.RegionLink;

/** A company, lab, university or institute that builds models, chips, applications or facilities. */
@Node("Vendor")
public class Vendor extends Entity {

	private VendorCategory category;

	private Boolean listed;

	@Relationship(type = "LOCATED_IN")
	private List<RegionLink> locatedIn = List.of();

	/** The group it belongs to (a subsidiary PART_OF its parent). */
	@Relationship(type = "PART_OF")
	private List<VendorLink> partOf = List.of();

	protected Vendor() {
	}

	public Vendor(String id, String name) {
		super(id, name);
	}

	public VendorCategory getCategory() {
		return category;
	}

	public Boolean getListed() {
		return listed;
	}

	public List<RegionLink> getLocatedIn() {
		return locatedIn;
	}

	public List<VendorLink> getPartOf() {
		return partOf;
	}

}
