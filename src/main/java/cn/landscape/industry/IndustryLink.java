package cn.landscape.industry;

import java.util.List;

import org.springframework.data.neo4j.core.schema.RelationshipProperties;
import org.springframework.data.neo4j.core.schema.TargetNode;

import cn.landscape.evidence.Evidence;
import cn.landscape.evidence.EvidencedLink;

/** A relationship to an industry (SERVES, SUPPORTS) with its evidence. */
@RelationshipProperties
public class IndustryLink extends EvidencedLink {

	@TargetNode
	private Industry industry;

	protected IndustryLink() {
	}

	public IndustryLink(Industry industry, List<Evidence> evidence) {
		super(evidence);
		this.industry = industry;
	}

	public Industry getIndustry() {
		return industry;
	}

}
