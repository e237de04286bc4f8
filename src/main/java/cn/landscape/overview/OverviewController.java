package cn.landscape.overview;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.entity.Kind;
import cn.landscape.entity.NodeRef;
import cn.landscape.entity.Refs;
import cn.landscape.overview.OverviewQueries.Event;
import cn.landscape.overview.OverviewQueries.Filters;
import cn.landscape.overview.OverviewQueries.GroupPage;
import cn.landscape.overview.OverviewQueries.RegionPage;
import cn.landscape.overview.OverviewQueries.Section;
import cn.landscape.overview.OverviewQueries.SectionAnswer;
import cn.landscape.web.BadParameterException;
import cn.landscape.web.MaxRows;
import cn.landscape.web.NotFoundException;

/** The landscape at a glance: grouped cards, a timeline, and what each region holds. */
@RestController
@Tag(name = "Overview", description = "The landscape at a glance: groups, timeline, regions")
class OverviewController {

	/** Far beyond any section's groups, and small enough that an offset plus its page stays an int in Cypher. */
	private static final int MAX_OFFSET = 1_000_000;

	private final OverviewQueries queries;

	private final Refs refs;

	OverviewController(OverviewQueries queries, Refs refs) {
		this.queries = queries;
		this.refs = refs;
	}

	record AppliedFilters(NodeRef industry, NodeRef region, String document) {
	}

	record Overview(AppliedFilters filters, Map<String, SectionAnswer> sections) {
	}

	record Timeline(List<Event> events, boolean truncated) {
	}

	@GetMapping("/api/overview")
	@Operation(summary = "Models by scope and deployment, vendors by kind, chips by maker and by country: counts and the first cards of each group",
			description = "Each group has its full count and at most `cap` cards (`more` when there are others: page them with GET /api/overview/group). "
					+ "Groups come largest first, at most `groups` of them per section from `groupOffset` (`nextGroupOffset` when there are others).")
	Overview overview(
			@Parameter(description = "Only what serves this industry (id, name or alias)", example = "finance") @RequestParam(required = false) String industry,
			@Parameter(description = "Only what is seated in this region or its sub-regions (id, name or alias)", example = "北京") @RequestParam(required = false) String region,
			@Parameter(description = "Only what this source document names (document id, GET /api/documents)", example = "report-2024") @RequestParam(required = false) String document,
			@Parameter(description = "One section only: models, vendors, chips-by-maker or chips-by-country", example = "models") @RequestParam(required = false) String section,
			@Parameter(description = "Cards per group, 1 to landscape.query.max-rows", example = "12") @RequestParam(defaultValue = "12") @MaxRows Integer cap,
			@Parameter(description = "Groups per section, 1 to 100", example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) Integer groups,
			@Parameter(description = "Skip this many groups of each section, 0 to 1000000", example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_OFFSET) Integer groupOffset) {
		Resolved resolved = resolve(industry, region, document);
		Map<String, SectionAnswer> answer = new LinkedHashMap<>();
		for (Section s : section == null ? List.of(Section.values()) : List.of(section(section))) {
			answer.put(s.key, queries.groups(s, resolved.filters, cap, groupOffset, groups));
		}
		return new Overview(resolved.applied, answer);
	}

	@GetMapping("/api/overview/group")
	@Operation(summary = "One group of the overview, a page at a time: the cards after the first ones (the \"more\" link)")
	GroupPage group(
			@Parameter(description = "models, vendors, chips-by-maker or chips-by-country", example = "models") @RequestParam(required = false) String section,
			@Parameter(description = "The group's key from GET /api/overview", example = "general") @RequestParam(required = false) String group,
			@Parameter(description = "Only what serves this industry", example = "finance") @RequestParam(required = false) String industry,
			@Parameter(description = "Only what is seated in this region or its sub-regions", example = "北京") @RequestParam(required = false) String region,
			@Parameter(description = "Only what this source document names", example = "report-2024") @RequestParam(required = false) String document,
			@Parameter(description = "Skip this many cards, 0 to 1000000", example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_OFFSET) Integer offset,
			@Parameter(description = "At most this many cards, 1 to landscape.query.max-rows", example = "50") @RequestParam(defaultValue = "50") @MaxRows Integer limit) {
		Section s = section(section);
		if (group == null || group.isBlank()) {
			throw new BadParameterException("group", "is required: a group key from GET /api/overview");
		}
		return queries.page(s, resolve(industry, region, document).filters, group.strip(), offset, limit);
	}

	@GetMapping("/api/overview/timeline")
	@Operation(summary = "Policies (by date) and model releases (by releaseDate) on one axis, each with the evidence of its date",
			description = "Dates are as precise as the documents give them (`precision`: year, month or day); `month` is where a chart puts them. "
					+ "Things without a date are left out. A region includes its sub-regions; a model is in the region its vendor is seated in.")
	Timeline timeline(
			@Parameter(description = "Region id, name or alias; sub-regions are included", example = "广东") @RequestParam(required = false) String region,
			@Parameter(description = "policy or model; both when absent", example = "policy") @RequestParam(required = false) String kind,
			@Parameter(description = "At most this many events, 1 to landscape.query.max-rows; all up to the row cap when absent", example = "200") @RequestParam(required = false) @MaxRows Integer limit) {
		if (kind != null && !List.of("policy", "model").contains(kind)) {
			throw new BadParameterException("kind", "must be policy or model, was '" + kind + "'");
		}
		int size = limit == null ? queries.maxRows() : limit;
		String regionId = region == null ? null : refs.resolve("region", region, Kind.REGION).id();
		List<Event> events = queries.timeline(regionId, kind, size + 1);
		return new Timeline(events.size() > size ? events.subList(0, size) : events, events.size() > size);
	}

	@GetMapping("/api/overview/regions")
	@Operation(summary = "Regions at a glance: each region's policies, vendors and models, its sub-regions included (广东 includes 深圳)",
			description = "Countries first, then clusters, provinces and cities. Each list holds at most `cap` items beside its full count.")
	RegionPage regions(
			@Parameter(description = "Only this region and its sub-regions (id, name or alias)", example = "广东") @RequestParam(required = false) String region,
			@Parameter(description = "Items per list, 0 (counts only) to 100", example = "5") @RequestParam(defaultValue = "5") @Min(0) @Max(100) Integer cap,
			@Parameter(description = "Skip this many regions, 0 to 1000000", example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_OFFSET) Integer offset,
			@Parameter(description = "At most this many regions, 1 to 100", example = "50") @RequestParam(defaultValue = "50") @Min(1) @Max(100) Integer limit) {
		String regionId = region == null ? null : refs.resolve("region", region, Kind.REGION).id();
		return queries.regions(regionId, cap, offset, limit);
	}

	private record Resolved(Filters filters, AppliedFilters applied) {
	}

	private Resolved resolve(String industry, String region, String document) {
		NodeRef i = industry == null ? null : refs.resolve("industry", industry, Kind.INDUSTRY);
		NodeRef r = region == null ? null : refs.resolve("region", region, Kind.REGION);
		String d = document == null ? null : document.strip();
		if (d != null && !queries.documentExists(d)) {
			throw new NotFoundException("document", d, queries.documentIds());
		}
		return new Resolved(new Filters(i == null ? null : i.id(), r == null ? null : r.id(), d), new AppliedFilters(i, r, d));
	}

	private static Section section(String key) {
		return Arrays.stream(Section.values())
			.filter(s -> s.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new BadParameterException("section",
					"must be one of models, vendors, chips-by-maker, chips-by-country, was '" + key + "'"));
	}

}
