package cn.landscape.chip;

import java.util.List;

import org.springframework.data.neo4j.core.schema.RelationshipProperties;
import org.springframework.data.neo4j.core.schema.TargetNode;

import cn.landscape.evidence.Evidence;
import cn.landscape.evidence.EvidencedLink;

/** A relationship to a chip (RUNS_ON, TRAINED_ON, SUBSTITUTES_FOR, RESTRICTS) with its evidence. */
@RelationshipProperties
public class ChipLink extends EvidencedLink {

	@TargetNode
	private Chip chip;

	protected ChipLink() {
	}

	public ChipLink(Chip chip, List<Evidence> evidence) {
		super(evidence);
		this.chip = chip;
	}

	public Chip getChip() {
		return chip;
	}

}
