package cn.landscape.region;

import java.util.List;

import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;

import cn.landscape.entity.Entity;

/** A country, province, city, district or cluster; PART_OF gives the region it lies in. */
@Node("Region")
public class Region extends Entity {

	private RegionLevel level;

	@Relationship(type = "PART_OF")
	private List<RegionLink> partOf = List.of();

	protected Region() {
	}

	public Region(String id, String name, RegionLevel level) {
		super(id, name);
		this.level = level;
	}

	public RegionLevel getLevel() {
		return level;
	}

	public List<RegionLink> getPartOf() {
		return partOf;
	}

}
