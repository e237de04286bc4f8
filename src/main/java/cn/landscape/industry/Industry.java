package cn.landscape.industry;

import org.springframework.data.neo4j.core.schema.Node;

import cn.landscape.entity.Entity;

/** An industry that models and applications serve (finance, government, manufacturing…). */
@Node("Industry")
public class Industry extends Entity {

	/** A sector of the economy (finance, manufacturing), as opposed to a business function (customer service). */
	private Boolean sector;

	protected Industry() {
	}

	public Industry(String id, String name) {
		super(id, name);
	}

	public Boolean getSector() {
		return sector;
	}

}
