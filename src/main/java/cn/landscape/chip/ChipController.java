package cn.landscape.chip;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.chip.ChipQueries.ChipDependency;
import cn.landscape.chip.ChipQueries.ChipDependents;
import cn.landscape.entity.Kind;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.Refs;

/** What a model depends on down to the chips, and who is exposed when a chip is cut off. */
@RestController
@Tag(name = "Chips", description = "Chip dependencies of models and the exposure of chips")
class ChipController {

	private final ChipQueries queries;

	private final Refs refs;

	ChipController(ChipQueries queries, Refs refs) {
		this.queries = queries;
		this.refs = refs;
	}

	record ChipDependencies(NodeRef model, List<ChipDependency> chips) {
	}

	@GetMapping("/api/models/{ref}/chip-dependencies")
	@Operation(summary = "The chips a model runs or trains on, with their makers, the policies that restrict them, their substitutes and the path with evidence",
			description = "Followed directly, through a model it is a version of or based on, through a facility it uses, or through its vendor's facilities.")
	ChipDependencies dependencies(
			@Parameter(description = "Model id, name or alias", example = "pangu-3-0") @PathVariable String ref) {
		NodeRef model = refs.resolve("ref", ref, Kind.MODEL);
		return new ChipDependencies(model, queries.dependencies(model.id()));
	}

	@GetMapping("/api/chips/{ref}/dependents")
	@Operation(summary = "Who is exposed if a chip is cut off: the models, vendors and applications that rely on it, or on a chip it substitutes for, and the policies on it")
	ChipDependents dependents(
			@Parameter(description = "Chip id, name or alias", example = "a100") @PathVariable String ref) {
		NodeRef chip = refs.resolve("ref", ref, Kind.CHIP);
		return queries.dependents(chip.id()).orElseThrow();
	}

}
