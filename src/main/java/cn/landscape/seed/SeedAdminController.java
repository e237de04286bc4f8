package cn.landscape.seed;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

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

import cn.landscape.LandscapeProperties;

/**
 * Reloads graph-seed/ on demand. Disabled unless landscape.admin.token (LANDSCAPE_ADMIN_TOKEN) is set;
 * then the caller must send it as {@code Authorization: Bearer <token>}.
 */
@RestController
@Tag(name = "Admin")
class SeedAdminController {

	private final SeedService seeds;

	private final String token;

	SeedAdminController(SeedService seeds, LandscapeProperties properties) {
		this.seeds = seeds;
		this.token = properties.admin().token();
	}

	@PostMapping("/api/admin/seed/reload")
	@Operation(summary = "Validate graph-seed/ and load it; answers the counts created / updated / unchanged / removed",
			description = "Needs Authorization: Bearer <LANDSCAPE_ADMIN_TOKEN>. Disabled (403) when no token is configured. A seed with errors answers 422 listing them all; nothing is written.")
	ResponseEntity<?> reload(
			@Parameter(description = "Bearer <LANDSCAPE_ADMIN_TOKEN>", example = "Bearer s3cret") @RequestHeader(name = "Authorization", required = false) String authorization,
			@Parameter(description = "Load even if the seed has not changed since the last load") @RequestParam(defaultValue = "true") boolean force) {
		if (token.isBlank()) {
			return problem(HttpStatus.FORBIDDEN, "Admin disabled",
					"The admin endpoints are disabled: start the service with LANDSCAPE_ADMIN_TOKEN=<secret> to enable them.");
		}
		if (authorization == null || !authorization.startsWith("Bearer ") || !matches(authorization.substring(7).strip())) {
			return problem(HttpStatus.UNAUTHORIZED, "Admin token required",
					"Send the configured admin token as 'Authorization: Bearer <token>'.");
		}
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

	private boolean matches(String given) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}

}
