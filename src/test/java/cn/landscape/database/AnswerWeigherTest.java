package cn.landscape.database;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.cache.autoconfigure.CacheProperties;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerWeigherTest {

	private record Ref(String id, String name) {
	}

	private record Row(Ref node, List<List<Ref>> paths, Map<String, Object> facts) {
	}

	private static Row row(int paths) {
		Ref ref = new Ref("model:m-" + paths, "模型" + paths);
		return new Row(ref, java.util.Collections.nCopies(paths, List.of(ref, ref)), Map.of("type", "general", "year", 2024));
	}

	@Test
	void an_answer_weighs_at_least_its_text_and_grows_with_its_rows() {
		Row one = row(1);
		long text = 2L * ("model:m-1".length() + "模型1".length()) * 3 + 2L * ("type".length() + "general".length() + "year".length());
		assertThat(AnswerWeigher.bytes(one)).isGreaterThan(text);
		assertThat(AnswerWeigher.bytes(row(10))).isGreaterThan(AnswerWeigher.bytes(one));
		List<Row> page = java.util.Collections.nCopies(500, row(5));
		assertThat(AnswerWeigher.bytes(page)).isGreaterThan(500 * AnswerWeigher.bytes(row(5)));
		assertThat(AnswerWeigher.bytes(Optional.of(page))).isGreaterThan(AnswerWeigher.bytes(page));
	}

	@Test
	void weight_is_in_kilobytes_and_never_zero() {
		AnswerWeigher weigher = new AnswerWeigher();
		assertThat(weigher.weigh("k", Optional.empty())).isEqualTo(1);
		List<String> big = java.util.Collections.nCopies(1000, "x".repeat(500));
		assertThat(weigher.weigh("k", big)).isBetween(1000, 1100);
	}

	@Test
	void a_cache_bounded_by_weight_keeps_small_answers_and_drops_those_over_its_budget() {
		CacheProperties properties = new CacheProperties();
		properties.getCaffeine().setSpec("maximumWeight=64");
		CaffeineCacheManager manager = new CaffeineCacheManager();
		new DataConfiguration().answerWeights(properties).customize(manager);
		CaffeineCache cache = (CaffeineCache) manager.getCache("chip-dependents");
		cache.put("small", row(1));
		cache.put("big", java.util.Collections.nCopies(200, "x".repeat(500)));
		cache.getNativeCache().cleanUp();
		assertThat(cache.get("small")).isNotNull();
		assertThat(cache.get("big")).isNull();
	}

	@Test
	void a_spec_with_maximum_size_still_counts_entries() {
		CacheProperties properties = new CacheProperties();
		properties.getCaffeine().setSpec("maximumSize=1");
		CaffeineCacheManager manager = new CaffeineCacheManager();
		manager.setCacheSpecification("maximumSize=1");
		new DataConfiguration().answerWeights(properties).customize(manager);
		CaffeineCache cache = (CaffeineCache) manager.getCache("refs");
		cache.put("a", java.util.Collections.nCopies(200, "x".repeat(500)));
		cache.getNativeCache().cleanUp();
		assertThat(cache.get("a")).isNotNull();
	}

}
