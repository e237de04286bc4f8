package cn.landscape.industry;

import org.springframework.data.neo4j.core.schema.Node;

import cn.landscape.entity.Entity;

/** An industry that models and applications serve (finance, government, manufacturing…). */
@Node("Industry")
public class Industry extends Entity {

	protected Industry() {
	}

	public Industry(String id, String name) {
		super(id, name);
	}

}
