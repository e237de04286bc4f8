package cn.landscape.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.neo4j.driver.TransactionContext;

import cn.landscape.chip.ChipQueries;
import cn.landscape.entity.EntityQueries;
import cn.landscape.entity.Lucene;
import cn.landscape.entity.Names;
import cn.landscape.graph.GraphQueries;
import cn.landscape.industry.IndustryQueries;
import cn.landscape.overview.OverviewQueries;
import cn.landscape.policy.PolicyQueries;
import cn.landscape.search.SearchQueries;

/**
 * The mixed workload: the read questions an analyst asks, each weighted as in a session, each with its
 * parameter drawn Zipf-like (s = 1.1, fixed seed) from every value of its kind in the graph, so a few
 * industries, models or chips are asked often and most rarely. The same mix drives the warm latency
 * run and the throughput run.
 */
final class Mix {

	static final double ZIPF_S = 1.1;

	static final long RANDOM_SEED = 20261130L;

	/**
	 * One question. {@code domain} holds every parameter value; {@code path} turns one into the URL;
	 * {@code raw} runs the endpoint's Cypher (the public constants of the feature's queries class) for it
	 * in a read transaction, as the queries class does under Spring's readOnly, and returns the rows.
	 */
	record Question(String name, int weight, Zipf zipf, Function<String, String> path, Raw raw) {
	}

	@FunctionalInterface
	interface Raw {

		int run(TransactionContext tx, String parameter);

	}

	/** What the chip dependents endpoint runs for a chip: several statements in one transaction. */
	static Raw dependents(int maxRows) {
		return (tx, id) -> ChipQueries.dependentsAtScale((cypher, parameters) -> tx.run(cypher, parameters).list(), id,
				maxRows, ChipQueries.WALK).map(d -> 1).orElse(0);
	}

	/** The domains the parameters come from, read from the graph. */
	record Domains(List<String> industries, List<String> models, List<String> chips, List<String> vendors,
			List<String> regions, List<String> searchTerms) {
	}

	/**
	 * Weights of the questions in an analyst session, out of 100: looking things up (search, an entity,
	 * its neighbourhood) dominates; the analytic questions follow; paths are occasional. The overview is
	 * the page's start view and is asked again at each change of its filters (none, an industry or a
	 * region); the timeline is a view an analyst opens now and then, whole or for a region.
	 */
	static List<Question> questions(Domains d, int maxRows) {
		List<String> entities = new ArrayList<>();
		d.vendors().forEach(id -> entities.add("vendor:" + id));
		d.models().forEach(id -> entities.add("model:" + id));
		List<Question> questions = new ArrayList<>();
		questions.add(new Question("search", 20, new Zipf(d.searchTerms(), 1), t -> "/api/search?q=" + enc(t),
				(s, t) -> {
					Map<String, Object> p = new HashMap<>();
					p.put("label", null);
					p.put("limit", 10);
					p.put("fetch", 10);
					p.put("query", Lucene.searchQuery(t));
					p.put("text", t);
					p.put("key", Names.normalize(t));
					int rows = t.codePointCount(0, t.length()) < 2 ? 0 : s.run(SearchQueries.SEARCH, p).list().size();
					return rows > 0 ? rows : s.run(SearchQueries.CONTAINS, p).list().size();
				}));
		questions.add(new Question("entity", 16, new Zipf(entities, 2), ref -> "/api/entities/" + enc(ref),
				(s, ref) -> s.run(EntityQueries.ENTITY, Map.of("id", id(ref), "label", label(ref), "maxRows", maxRows))
					.list()
					.size()));
		questions.add(new Question("graph neighbourhood", 15, new Zipf(entities, 3),
				ref -> "/api/graph?focus=" + enc(ref) + "&depth=2",
				(s, ref) -> s.run(GraphQueries.neighbourhoodCypher(2), Map.of("id", id(ref), "label", label(ref), "limit", 150))
					.list()
					.size()));
		questions.add(new Question("models by industry", 10, new Zipf(d.industries(), 4),
				id -> "/api/industries/industry:" + enc(id) + "/models",
				(s, id) -> s.run(IndustryQueries.MODELS_AT_SCALE, Map.of("industry", id, "includeGeneral", false, "offset", 0,
						"limit", 50, "window", 50, "walk", IndustryQueries.WALK))
					.list()
					.size()));
		questions.add(new Question("chip dependencies", 10, new Zipf(d.models(), 5),
				id -> "/api/models/model:" + enc(id) + "/chip-dependencies",
				(s, id) -> s.run(ChipQueries.DEPENDENCIES, Map.of("id", id, "maxRows", maxRows)).list().size()));
		questions.add(new Question("policies by region", 8, new Zipf(d.regions(), 6),
				id -> "/api/policies?region=region:" + enc(id), (s, id) -> {
					Map<String, Object> p = new HashMap<>();
					p.put("from", null);
					p.put("to", null);
					p.put("dated", false);
					p.put("region", id);
					p.put("issuer", null);
					p.put("limit", 100);
					return s.run(PolicyQueries.POLICIES_IN_REGION, p).list().size();
				}));
		questions.add(new Question("chip dependents", 6, new Zipf(d.chips(), 7), id -> "/api/chips/chip:" + enc(id) + "/dependents",
				dependents(maxRows)));
		questions.add(new Question("path", 6, new Zipf(d.models(), 8),
				id -> "/api/path?from=model:" + enc(id) + "&to=vendor:nvidia&maxDepth=4",
				(s, id) -> s.run(GraphQueries.pathCypher(4),
						Map.of("fromId", id, "fromLabel", "Model", "toId", "nvidia", "toLabel", "Vendor", "limit", 10))
					.list()
					.size()));
		List<String> overviewFilters = new ArrayList<>(List.of("all"));
		d.industries().forEach(id -> overviewFilters.add("industry:" + id));
		d.regions().forEach(id -> overviewFilters.add("region:" + id));
		questions.add(new Question("overview", 6, new Zipf(overviewFilters, 9),
				f -> "/api/overview" + (f.equals("all") ? "" : "?" + label(f).toLowerCase() + "=" + enc(f)), (s, f) -> {
					Map<String, Object> p = new HashMap<>();
					p.put("industry", f.startsWith("industry:") ? id(f) : null);
					p.put("region", f.startsWith("region:") ? id(f) : null);
					p.put("document", null);
					p.put("group", null);
					p.put("cap", 12);
					p.put("groupOffset", 0);
					p.put("groupLimit", 20);
					int rows = 0;
					for (String cypher : OverviewQueries.overviewCypher((String) p.get("industry"), (String) p.get("region"))) {
						rows += s.run(cypher, p).list().size();
					}
					return rows;
				}));
		List<String> timelineRegions = new ArrayList<>(List.of("all"));
		timelineRegions.addAll(d.regions());
		questions.add(new Question("timeline", 3, new Zipf(timelineRegions, 10),
				r -> "/api/overview/timeline" + (r.equals("all") ? "" : "?region=region:" + enc(r)), (s, r) -> {
					Map<String, Object> p = new HashMap<>();
					p.put("region", r.equals("all") ? null : r);
					p.put("kind", null);
					p.put("limit", maxRows + 1);
					return s.run(OverviewQueries.timelineCypher((String) p.get("region")), p).list().size();
				}));
		return questions;
	}

	/** Draws a question by weight. */
	static final class Weighted {

		private final List<Question> questions;

		private final int[] cumulative;

		Weighted(List<Question> questions) {
			this.questions = questions;
			this.cumulative = new int[questions.size()];
			int sum = 0;
			for (int i = 0; i < questions.size(); i++) {
				sum += questions.get(i).weight();
				cumulative[i] = sum;
			}
		}

		Question next(SplittableRandom random) {
			int x = random.nextInt(cumulative[cumulative.length - 1]);
			int i = Arrays.binarySearch(cumulative, x + 1);
			return questions.get(i >= 0 ? i : -i - 1);
		}

	}

	/**
	 * Zipf over a domain: the value of rank r (from 1) is drawn with probability proportional to
	 * 1 / r^s. Ranks are a fixed shuffle of the domain, so popularity does not follow id order.
	 */
	static final class Zipf {

		private final List<String> ranked;

		private final double[] cdf;

		Zipf(List<String> domain, int salt) {
			if (domain.isEmpty()) {
				throw new IllegalArgumentException("empty domain");
			}
			List<String> shuffled = new ArrayList<>(domain);
			Collections.shuffle(shuffled, new Random(RANDOM_SEED + salt));
			this.ranked = List.copyOf(shuffled);
			this.cdf = new double[ranked.size()];
			double sum = 0;
			for (int r = 1; r <= cdf.length; r++) {
				sum += 1 / Math.pow(r, ZIPF_S);
				cdf[r - 1] = sum;
			}
			for (int i = 0; i < cdf.length; i++) {
				cdf[i] /= sum;
			}
		}

		String next(SplittableRandom random) {
			int i = Arrays.binarySearch(cdf, random.nextDouble());
			return ranked.get(Math.min(cdf.length - 1, i >= 0 ? i : -i - 1));
		}

		/** The first {@code n} distinct values in draw order: the parameters as users first ask them. */
		List<String> firstDistinct(int n, SplittableRandom random) {
			int want = Math.min(n, ranked.size());
			LinkedHashMap<String, Boolean> seen = new LinkedHashMap<>();
			for (int draws = 0; seen.size() < want && draws < 50 * want; draws++) {
				seen.putIfAbsent(next(random), true);
			}
			return List.copyOf(seen.keySet());
		}

		int size() {
			return ranked.size();
		}

	}

	private static String id(String ref) {
		return ref.substring(ref.indexOf(':') + 1);
	}

	private static String label(String ref) {
		String kind = ref.substring(0, ref.indexOf(':'));
		return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
