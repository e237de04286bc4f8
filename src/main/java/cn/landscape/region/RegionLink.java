package cn.landscape.region;

import java.util.List;

import org.springframework.data.neo4j.core.schema.RelationshipProperties;
import org.springframework.data.neo4j.core.schema.TargetNode;

import cn.landscape.evidence.Evidence;
import cn.landscape.evidence.EvidencedLink;

/** A relationship to a region (LOCATED_IN, COVERS, PART_OF) with its evidence. */
@RelationshipProperties
public class RegionLink extends EvidencedLink {

	@TargetNode
	private Region region;

	protected RegionLink() {
	}

	public RegionLink(Region region, List<Evidence> evidence) {
		super(evidence);
		this.region = region;
	}

	public Region getRegion() {
		return region;
	}

}
