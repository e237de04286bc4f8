package cn.landscape.industry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.entity.Kind;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.Refs;
import cn.landscape.industry.IndustryQueries.IndustrySummary;
import cn.landscape.industry.IndustryQueries.ServingModel;
import cn.landscape.web.MaxRows;

/** Which models serve an industry. */
@RestController
@RequestMapping("/api/industries")
@Tag(name = "Industries", description = "Which models serve an industry")
class IndustryController {

	private final IndustryQueries queries;

	private final Refs refs;

	IndustryController(IndustryQueries queries, Refs refs) {
		this.queries = queries;
		this.refs = refs;
	}

	record IndustryModels(NodeRef industry, List<ServingModel> models, int limit, int offset, Integer nextOffset) {
	}

	@GetMapping
	@Operation(summary = "All industries with the number of models that serve each (directly or through an application), as the models endpoint lists them")
	List<IndustrySummary> industries() {
		return queries.industries();
	}

	@GetMapping("/{ref}/models")
	@Operation(summary = "The models that serve an industry, each with its vendor and the evidence",
			description = "Models that serve the industry directly come first, then models reached through an application built on them; with includeGeneral=true, general-purpose models follow, marked via=general.")
	IndustryModels models(
			@Parameter(description = "Industry id, Chinese or English name, or alias", example = "finance") @PathVariable String ref,
			@Parameter(description = "Also list general-purpose models, marked via=general") @RequestParam(defaultValue = "false") boolean includeGeneral,
			@Parameter(description = "Page size, 1 to landscape.query.max-rows", example = "50") @RequestParam(defaultValue = "50") @MaxRows Integer limit,
			@Parameter(description = "Rows to skip, for the next page", example = "0") @RequestParam(defaultValue = "0") @Range(min = 0, max = 1_000_000) Integer offset) {
		NodeRef industry = refs.resolve("ref", ref, Kind.INDUSTRY);
		List<ServingModel> models = queries.models(industry.id(), includeGeneral, offset, limit);
		return new IndustryModels(industry, models, limit, offset, models.size() == limit ? offset + limit : null);
	}

}
