package cn.landscape.model;

import java.util.List;

import org.springframework.data.neo4j.core.schema.RelationshipProperties;
import org.springframework.data.neo4j.core.schema.TargetNode;

import cn.landscape.evidence.Evidence;
import cn.landscape.evidence.EvidencedLink;

/** A relationship to a model (VERSION_OF, BASED_ON, SUPPORTS) with its evidence. */
@RelationshipProperties
public class ModelLink extends EvidencedLink {

	@TargetNode
	private Model model;

	protected ModelLink() {
	}

	public ModelLink(Model model, List<Evidence> evidence) {
		super(evidence);
		this.model = model;
	}

	public Model getModel() {
		return model;
	}

}
