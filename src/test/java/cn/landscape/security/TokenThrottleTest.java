package cn.landscape.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenThrottleTest {

	private Instant now = Instant.parse("2026-11-30T12:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	private final TokenThrottle throttle = new TokenThrottle(3, Duration.ofMinutes(1), clock);

	@Test
	void an_address_is_refused_after_the_allowed_wrong_tokens_until_the_lockout_has_passed() {
		throttle.failed("10.0.0.1");
		throttle.failed("10.0.0.1");
		assertThat(throttle.refusedFor("10.0.0.1")).isZero();
		throttle.failed("10.0.0.1");
		assertThat(throttle.refusedFor("10.0.0.1")).isEqualTo(Duration.ofMinutes(1));
		assertThat(throttle.refusedFor("10.0.0.2")).as("other addresses").isZero();
		now = now.plusSeconds(45);
		assertThat(throttle.refusedFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(15));
		now = now.plusSeconds(15);
		assertThat(throttle.refusedFor("10.0.0.1")).isZero();
	}

	@Test
	void wrong_tokens_spread_wider_than_the_window_are_never_refused() {
		for (int i = 0; i < 10; i++) {
			throttle.failed("10.0.0.1");
			now = now.plusSeconds(61);
			assertThat(throttle.refusedFor("10.0.0.1")).isZero();
		}
	}

}
