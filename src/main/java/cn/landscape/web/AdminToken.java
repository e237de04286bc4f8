package cn.landscape.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import cn.landscape.LandscapeProperties;

/**
 * The admin bearer token (landscape.admin.token, LANDSCAPE_ADMIN_TOKEN) that every writing endpoint
 * requires. A blank token disables those endpoints.
 */
@Component
public class AdminToken {

	private final String token;

	AdminToken(LandscapeProperties properties) {
		this.token = properties.admin().token();
	}

	/** Throws a 403 problem when admin is disabled, a 401 problem when the header lacks the token. */
	public void require(String authorization) {
		if (token.isBlank()) {
			throw denied(HttpStatus.FORBIDDEN, "Admin disabled",
					"The admin endpoints are disabled: start the service with LANDSCAPE_ADMIN_TOKEN=<secret> to enable them.");
		}
		if (authorization == null || !authorization.startsWith("Bearer ") || !matches(authorization.substring(7).strip())) {
			throw denied(HttpStatus.UNAUTHORIZED, "Admin token required",
					"Send the configured admin token as 'Authorization: Bearer <token>'.");
		}
	}

	private boolean matches(String given) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
	}

	private static ErrorResponseException denied(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
