package cn.landscape.security;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.landscape.support.SeededApp;
import cn.landscape.web.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeated wrong tokens from one address: refused for a while, even with the right token. */
@TestPropertySource(properties = { "landscape.admin.max-failures=3", "landscape.admin.lockout=10m" })
class TokenLockoutApiTest extends SeededApp {

	@Test
	void after_three_wrong_tokens_the_address_gets_429_with_retry_after_even_with_the_right_token() {
		for (int i = 0; i < 3; i++) {
			assertThat(RawHttp.send(port, "POST", "/api/admin/seed/reload".getBytes(), "Authorization: Bearer guess-" + i)
				.status()).isEqualTo(401);
		}
		RawHttp.Response refused = RawHttp.send(port, "POST", "/api/admin/seed/reload".getBytes(),
				"Authorization: Bearer test-admin-token");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(590L, 600L);
		assertThat(refused.body()).contains("landscape.admin.max-failures");
		assertThat(RawHttp.get(port, "/api/stats").status()).as("reading is never throttled").isEqualTo(200);
	}

}
