package cn.landscape.search;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.entity.Kind;
import cn.landscape.search.SearchQueries.Hit;
import cn.landscape.web.BadParameterException;

/** Ranked full-text search over names, English names and aliases. */
@RestController
@Tag(name = "Search")
class SearchController {

	private static final int MAX_QUERY = 200;

	private final SearchQueries queries;

	SearchController(SearchQueries queries) {
		this.queries = queries;
	}

	record SearchAnswer(String query, String kind, List<Hit> results) {
	}

	@GetMapping("/api/search")
	@Operation(summary = "Find entities by a Chinese or English name, fragment or alias, ranked",
			description = "Two Chinese characters (星火, 昇腾) or an English word (Spark, ERNIE, Qwen, Ascend) find their entity; Lucene syntax is taken as plain text.")
	SearchAnswer search(
			@Parameter(description = "Text to find, 1 to 200 characters", example = "星火") @RequestParam(required = false) String q,
			@Parameter(description = "Only this kind: vendor, model, chip, policy, region, industry, application, body, person, facility, dataset, technology, figure, document, event", example = "model") @RequestParam(required = false) String kind,
			@Parameter(description = "At most this many results, 1 to 100", example = "10") @RequestParam(defaultValue = "10") @Range(min = 1, max = 100) Integer limit) {
		if (q == null || q.isBlank()) {
			throw new BadParameterException("q", "is required: the text to search for");
		}
		if (q.length() > MAX_QUERY) {
			throw new BadParameterException("q", "is longer than " + MAX_QUERY + " characters");
		}
		Kind only = null;
		if (kind != null && !kind.isBlank()) {
			only = Kind.fromKey(kind)
				.orElseThrow(() -> new BadParameterException("kind", "'" + kind + "' is not a kind; use one of "
						+ Arrays.stream(Kind.values()).map(Kind::key).toList()));
		}
		String text = q.strip();
		return new SearchAnswer(text, only == null ? null : only.key(), queries.search(text, only, limit));
	}

}
