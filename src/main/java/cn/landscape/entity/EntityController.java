package cn.landscape.entity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.entity.EntityQueries.EntityAnswer;

/** One entity with its properties, their evidence, and every relationship in and out. */
@RestController
@Tag(name = "Entities")
class EntityController {

	private final EntityQueries queries;

	private final Refs refs;

	EntityController(EntityQueries queries, Refs refs) {
		this.queries = queries;
		this.refs = refs;
	}

	@GetMapping("/api/entities/{ref}")
	@Operation(summary = "An entity: its properties with their evidence, where the documents name it, and every relationship in and out with the other end and the evidence")
	EntityAnswer entity(@Parameter(description = "Id, kind:id, name or alias", example = "iflytek") @PathVariable String ref) {
		return queries.entity(refs.resolve("ref", ref, null));
	}

}
