package cn.landscape.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import cn.landscape.seed.SeedLoadListener;

/**
 * Answers kept between requests. Honest because the graph changes only through the seed loader, which
 * clears every cache after each load ({@link SeedLoadListener}); entries also expire after a minute, for
 * a database that another process may load. Bounded: when full it starts afresh.
 */
public final class AnswerCache<K, V> {

	private static final long TTL_NANOS = Duration.ofMinutes(1).toNanos();

	private record Entry<V>(V value, long expires) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final int maxEntries;

	public AnswerCache(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	/** The cached answer, or {@code compute}'s, which is kept unless it is null. */
	public V get(K key, Supplier<V> compute) {
		long now = System.nanoTime();
		Entry<V> entry = entries.get(key);
		if (entry != null && now - entry.expires() < 0) {
			return entry.value();
		}
		V value = compute.get();
		if (value != null) {
			if (entries.size() >= maxEntries) {
				entries.clear();
			}
			entries.put(key, new Entry<>(value, now + TTL_NANOS));
		}
		return value;
	}

	/** Called by the owner's {@link SeedLoadListener#seedLoaded()}: the graph may have changed. */
	public void clear() {
		entries.clear();
	}

}
