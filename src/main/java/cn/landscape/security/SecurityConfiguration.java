package cn.landscape.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

import cn.landscape.LandscapeProperties;

/**
 * Who may write: the admin endpoints ({@code /api/admin/**}) and every write method under {@code /api/**}
 * need {@code Authorization: Bearer <landscape.admin.token>}; everything else is public reading. Health
 * details show only with the token. Every response carries the security headers. Refusals are problems,
 * rendered by the same handler as every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The page, Swagger UI and the API: nothing but the service's own scripts. */
	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** Neo4j Browser: its editor's workers and eval, and Bolt over a WebSocket to the database's port. */
	static final String BROWSER_CSP = "default-src 'self'; script-src 'self' 'unsafe-eval' blob:; "
			+ "worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
			+ "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final String REALM = "Bearer realm=\"ai-landscape-graph\"";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LandscapeProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
		LandscapeProperties.Admin admin = properties.admin();
		AdminToken token = new AdminToken(admin.token());
		TokenThrottle throttle = new TokenThrottle(admin.maxFailures(), admin.lockout(), Clock.systemUTC());
		RequestMatcher browser = PathPatternRequestMatcher.withDefaults().matcher("/browser/**");
		RequestMatcher writes = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/admin/**"),
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PATCH, "/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/api/**"));

		AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(token), token);
		bearer.setRequestMatcher(request -> token.convert(request) != null);
		bearer.setSuccessHandler((request, response, authentication) -> throttle.succeeded(request.getRemoteAddr()));
		bearer.setFailureHandler((request, response, ex) -> {
			throttle.failed(request.getRemoteAddr());
			resolve(problems, request, response, unauthorized(ex, "The admin token is wrong. Send the configured "
					+ "token (landscape.admin.token) as 'Authorization: Bearer <token>'.", "error=\"invalid_token\""));
		});

		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.addFilterBefore((request, response, chain) -> {
				HttpServletRequest req = (HttpServletRequest) request;
				Duration refused = token.convert(req) == null ? Duration.ZERO : throttle.refusedFor(req.getRemoteAddr());
				if (refused.isZero()) {
					chain.doFilter(request, response);
					return;
				}
				resolve(problems, req, (HttpServletResponse) response, tooManyFailures(refused));
			}, BasicAuthenticationFilter.class)
			.addFilterAt(bearer, BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers(writes)
				.hasRole(AdminToken.ROLE)
				.anyRequest()
				.permitAll())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> resolve(problems, request, response,
						token.configured() ? unauthorized(ex, "Send the configured admin token (landscape.admin.token) as "
								+ "'Authorization: Bearer <token>'.", null) : disabled()))
				.accessDeniedHandler((request, response, ex) -> resolve(problems, request, response,
						error(HttpStatus.FORBIDDEN, "Forbidden", "This request needs the admin token.", "forbidden", ex))))
			.headers(h -> h.contentTypeOptions(c -> {
			})
				.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(browser,
						new StaticHeadersWriter("Content-Security-Policy", BROWSER_CSP)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(browser),
						new StaticHeadersWriter("Content-Security-Policy", CSP))));
		return http.build();
	}

	@Bean
	RequestRejectedHandler rejectedHeaders(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
		return new RejectedHeaders(problems);
	}

	private static void resolve(HandlerExceptionResolver problems, HttpServletRequest request,
			HttpServletResponse response, ErrorResponseException error) {
		problems.resolveException(request, response, null, error);
	}

	private static ErrorResponseException unauthorized(AuthenticationException cause, String detail, String error) {
		ErrorResponseException ex = error(HttpStatus.UNAUTHORIZED, "Admin token required", detail, "unauthorized", cause);
		ex.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, error == null ? REALM : REALM + ", " + error);
		return ex;
	}

	private static ErrorResponseException disabled() {
		return error(HttpStatus.FORBIDDEN, "Admin disabled", "The admin endpoints are disabled: start the service "
				+ "with LANDSCAPE_ADMIN_TOKEN=<secret> (landscape.admin.token) to enable them.", "admin-disabled", null);
	}

	private static ErrorResponseException tooManyFailures(Duration refused) {
		long seconds = Math.max(1, (refused.toMillis() + 999) / 1000);
		ErrorResponseException ex = error(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong tokens",
				"Too many wrong admin tokens from this address; try again in " + seconds
						+ " s (landscape.admin.max-failures, landscape.admin.lockout).",
				"too-many-wrong-tokens", null);
		ex.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		return ex;
	}

	private static ErrorResponseException error(HttpStatus status, String title, String detail, String type,
			Throwable cause) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("/problems/" + type));
		return new ErrorResponseException(status, problem, cause);
	}

}
