package cn.landscape.seed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.web.AdminToken;

/**
 * Reloads graph-seed/ on demand. Disabled unless landscape.admin.token (LANDSCAPE_ADMIN_TOKEN) is set;
 * then the caller must send it as {@code Authorization: Bearer <token>}.
 */
@RestController
@Tag(name = "Admin")
class SeedAdminController {

	private final SeedService seeds;

	private final AdminToken adminToken;

	SeedAdminController(SeedService seeds, AdminToken adminToken) {
		this.seeds = seeds;
		this.adminToken = adminToken;
	}

	@PostMapping("/api/admin/seed/reload")
	@Operation(summary = "Validate graph-seed/ and load it; answers the counts created / updated / unchanged / removed",
			description = "Needs Authorization: Bearer <LANDSCAPE_ADMIN_TOKEN>. Disabled (403) when no token is configured. A seed with errors answers 422 listing them all; nothing is written.")
	ResponseEntity<?> reload(
			@Parameter(description = "Bearer <LANDSCAPE_ADMIN_TOKEN>", example = "Bearer s3cret") @RequestHeader(name = "Authorization", required = false) String authorization,
			@Parameter(description = "Load even if the seed has not changed since the last load") @RequestParam(defaultValue = "true") boolean force) {
		adminToken.require(authorization);
		try {
			return ResponseEntity.ok(seeds.load(force));
		}
		catch (SeedValidationException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
			problem.setTitle("Seed invalid, nothing written");
			problem.setProperty("errors", ex.errors());
			return ResponseEntity.unprocessableContent().body(problem);
		}
	}

}
