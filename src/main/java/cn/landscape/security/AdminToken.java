package cn.landscape.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The admin token as Spring Security sees it: {@code Authorization: Bearer <token>} read by the converter,
 * checked by the provider in constant time, and the admin role granted on a match.
 */
final class AdminToken implements AuthenticationConverter, AuthenticationProvider {

	static final String ROLE = "ADMIN";

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	AdminToken(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	boolean configured() {
		return token.length > 0;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return new Bearer(header.substring(BEARER.length()).strip(), false);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String given = (String) authentication.getCredentials();
		if (!configured() || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
			throw new BadCredentialsException("Wrong admin token");
		}
		return new Bearer(given, true);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return Bearer.class.isAssignableFrom(authentication);
	}

	/** A bearer token as presented, then as accepted (with the admin role). */
	static final class Bearer extends AbstractAuthenticationToken {

		private final String token;

		Bearer(String token, boolean accepted) {
			super(accepted ? AuthorityUtils.createAuthorityList("ROLE_" + ROLE) : List.of());
			this.token = token;
			setAuthenticated(accepted);
		}

		@Override
		public Object getCredentials() {
			return token;
		}

		@Override
		public Object getPrincipal() {
			return "admin";
		}

		@Override
		public void eraseCredentials() {
			// the token is compared once and never kept beyond the request
		}

	}

}
