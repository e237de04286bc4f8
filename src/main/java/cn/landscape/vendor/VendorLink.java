package cn.landscape.vendor;

import java.util.List;

import org.springframework.data.neo4j.core.schema.RelationshipProperties;
import org.springframework.data.neo4j.core.schema.TargetNode;

import cn.landscape.evidence.Evidence;
import cn.landscape.evidence.EvidencedLink;

/** A relationship to a vendor (MADE_BY, DEVELOPS from the vendor's side, PART_OF) with its evidence. */
@RelationshipProperties
public class VendorLink extends EvidencedLink {

	@TargetNode
	private Vendor vendor;

	protected VendorLink() {
	}

	public VendorLink(Vendor vendor, List<Evidence> evidence) {
		super(evidence);
		this.vendor = vendor;
	}

	public Vendor getVendor() {
		return vendor;
	}

}
