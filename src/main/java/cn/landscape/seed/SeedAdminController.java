package cn.landscape.seed;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;


/**
 * Reloads graph-seed/ on demand. Spring Security (cn.landscape.security) lets the request through only
 * with {@code Authorization: Bearer <landscape.admin.token>}.
 */
@RestController
@Tag(name = "Admin")
class SeedAdminController {

	private final SeedService seeds;

	private final SourceDiffs diffs;

	SeedAdminController(SeedService seeds, SourceDiffs diffs) {
		this.seeds = seeds;
		this.diffs = diffs;
	}

	@GetMapping("/api/admin/integrity")
	@Operation(summary = "Compare the stored graph with graph-seed/ without repairing it",
			description = "Needs Authorization: Bearer <LANDSCAPE_ADMIN_TOKEN>. Lists the seed's nodes (kind:id) and relationships "
					+ "missing or stored with other values or labels, and counts the stored ones the seed does not hold. "
					+ "A reload (or a restart) repairs them all.")
	SeedLoader.Integrity integrity() {
		return seeds.check();
	}

	@GetMapping("/api/admin/sources")
	@Operation(summary = "The resolution report of every open dataset under graph-seed/sources/",
			description = "Needs Authorization: Bearer <LANDSCAPE_ADMIN_TOKEN>. Per source: its licence and attribution, rows read "
					+ "and taken, entities created, every merge into an existing entity with the rule or curator line "
					+ "(resolution.yaml) behind it, the rows and facts skipped with their reason, and the properties on "
					+ "which it disagrees with another source or the seed.")
	List<SourceReport> sources() {
		return seeds.sources();
	}

	@GetMapping("/api/admin/sources/diff")
	@Operation(summary = "What the next load would change of each open dataset: rows added, changed and removed",
			description = "Needs Authorization: Bearer <LANDSCAPE_ADMIN_TOKEN>. Compares each snapshot under graph-seed/sources/ "
					+ "with the rows the stored graph was loaded from, without writing. After a reload every list is empty; "
					+ "a fact whose last row is removed goes away with the load, unless a document or another source holds it.")
	List<SourceDiffs.SourceDiff> sourcesDiff() {
		return seeds.diff(diffs);
	}

	@PostMapping("/api/admin/seed/reload")
	@Operation(summary = "Validate graph-seed/ and make the graph equal it; answers the counts created / updated / unchanged / removed",
			description = "Needs Authorization: Bearer <LANDSCAPE_ADMIN_TOKEN>. Disabled (403) when no token is configured. "
					+ "Compares every stored node and relationship with the seed: rewrites those that differ, creates the missing "
					+ "and removes those the seed does not hold. A seed with errors answers 422 listing them all; nothing is written.")
	ResponseEntity<?> reload(
			@Parameter(description = "Bearer <LANDSCAPE_ADMIN_TOKEN>", example = "Bearer s3cret") @RequestHeader(name = "Authorization", required = false) String authorization) {
		try {
			return ResponseEntity.ok(seeds.load());
		}
		catch (SeedValidationException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
			problem.setTitle("Seed invalid, nothing written");
			problem.setProperty("errors", ex.errors());
			return ResponseEntity.unprocessableContent().body(problem);
		}
	}

}
