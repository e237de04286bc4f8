package cn.landscape.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong admin tokens per client address: after {@code maxFailures} within {@code window}, the address is
 * refused until the window has passed since its last failure, so guessing costs a window per few tries.
 */
final class TokenThrottle {

	/** Bounds the memory an address-spraying client can take; old entries go first. */
	private static final int MAX_ADDRESSES = 10_000;

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	TokenThrottle(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = Math.max(1, maxFailures);
		this.window = window;
		this.clock = clock;
	}

	private record Failures(int count, Instant last) {
	}

	/** How long {@code address} is still refused, or zero. */
	Duration refusedFor(String address) {
		Failures f = failures.get(address);
		if (f == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), f.last().plus(window));
		if (left.isNegative() || left.isZero()) {
			failures.remove(address, f);
			return Duration.ZERO;
		}
		return f.count() >= maxFailures ? left : Duration.ZERO;
	}

	void failed(String address) {
		Instant now = clock.instant();
		if (failures.size() >= MAX_ADDRESSES) {
			failures.values().removeIf(f -> f.last().plus(window).isBefore(now));
		}
		failures.merge(address, new Failures(1, now),
				(old, one) -> old.last().plus(window).isBefore(now) ? one : new Failures(old.count() + 1, now));
	}

	void succeeded(String address) {
		failures.remove(address);
	}

}
