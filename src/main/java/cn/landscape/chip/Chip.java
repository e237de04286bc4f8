package cn.landscape.chip;

import java.util.List;

import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;

import cn.landscape.entity.Entity;
import cn.landscape.vendor.VendorLink;

/** An AI chip (GPU, NPU, CPU) that models run or train on. */
@Node("Chip")
public class Chip extends Entity {

	private String chipType;

	private String process;

	@Relationship(type = "MADE_BY")
	private List<VendorLink> makers = List.of();

	@Relationship(type = "SUBSTITUTES_FOR")
	private List<ChipLink> substitutesFor = List.of();

	protected Chip() {
	}

	public Chip(String id, String name) {
		super(id, name);
	}

	public String getChipType() {
		return chipType;
	}

	public String getProcess() {
		return process;
	}

	public List<VendorLink> getMakers() {
		return makers;
	}

	public List<ChipLink> getSubstitutesFor() {
		return substitutesFor;
	}

}
