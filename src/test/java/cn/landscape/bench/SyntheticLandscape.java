package cn.landscape.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import cn.landscape.entity.Kind;
import cn.landscape.entity.RelType;
import cn.landscape.seed.SeedModel;
import cn.landscape.seed.SeedModel.Entity;
import cn.landscape.evidence.Evidence;
import cn.landscape.seed.SeedModel.Fact;
import cn.landscape.seed.SeedModel.Relation;
import cn.landscape.seed.SeedReader;

/**
 * A synthetic landscape of the graph-seed schema, built in memory as a {@link SeedModel} so that it is
 * written by the same {@code SeedLoader} path as graph-seed/. It starts from the real seed (its five
 * documents, its entities and relations) and adds generated entities until it holds {@code nodes}
 * nodes, with a fixed random seed: the same size always gives the same graph.
 * <p>
 * Shape: a few vendors with many models and many with one; each model serves one to five industries,
 * runs or trains on one to three chips (popular chips dominate), a fifth are versions of an earlier
 * model of their vendor; a region tree (provinces of the real seed, generated cities and districts);
 * policies per region over the years 2015-2025 with an issuer in the region; people, facilities,
 * datasets, technologies, figures. Every entity and every relation carries evidence: real quotes of
 * the real documents, reused (the generated facts are not in the documents; the quotes only give the
 * records the size and shape of the real ones). About 5 relationships per node, MENTIONS included.
 */
public final class SyntheticLandscape {

	public static final long RANDOM_SEED = 20240326L;

	private static final String[] WORDS = { "星辰", "天工", "灵犀", "悟道", "云雀", "九章", "文心", "智海", "昆仑", "墨子",
			"启明", "银河", "北斗", "鸿鹄", "青鸾", "玄武", "朱雀", "麒麟", "凤凰", "海燕", "远航", "磐石", "曙光", "晨星", "天枢",
			"紫微", "太初", "无界", "灵境", "万象" };

	private static final String[] PINYIN = { "xingchen", "tiangong", "lingxi", "wudao", "yunque", "jiuzhang", "wenxin",
			"zhihai", "kunlun", "mozi", "qiming", "yinhe", "beidou", "honghu", "qingluan", "xuanwu", "zhuque", "qilin",
			"fenghuang", "haiyan", "yuanhang", "panshi", "shuguang", "chenxing", "tianshu", "ziwei", "taichu", "wujie",
			"lingjing", "wanxiang" };

	private static final String[] MODEL_TYPES = { "general", "industry", "industry", "industry" };

	private static final String[] DEPLOYMENTS = { "cloud", "cloud", "device", "device-cloud" };

	private final SplittableRandom random = new SplittableRandom(RANDOM_SEED);

	private final List<Entity> entities = new ArrayList<>();

	private final List<Relation> relations = new ArrayList<>();

	/** Real evidence entries by document id, and all of them. */
	private final Map<String, List<Evidence>> evidenceByDoc = new LinkedHashMap<>();

	private final List<String> docs = new ArrayList<>();

	private final Map<Kind, List<String>> ids = new HashMap<>();

	private SyntheticLandscape() {
	}

	/** @param seedDir graph-seed/, whose documents, entities and quotes the landscape starts from. */
	public static SeedModel generate(Path seedDir, int nodes) {
		return new SyntheticLandscape().build(SeedReader.read(seedDir), nodes);
	}

	private SeedModel build(SeedModel real, int target) {
		for (Entity e : real.entities()) {
			entities.add(e);
			ids.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e.id());
			if (e.kind() == Kind.DOCUMENT) {
				docs.add(e.id());
			}
			e.evidence().forEach(this::pool);
			e.props().values().forEach(f -> f.evidence().forEach(this::pool));
		}
		real.relations().forEach(r -> {
			relations.add(r);
			r.evidence().forEach(this::pool);
		});
		int generated = Math.max(0, target - real.entities().size());
		if (generated > 0) {
			generate(generated);
		}
		return new SeedModel(List.copyOf(entities), List.copyOf(relations),
				"synthetic-%d-%d-%s".formatted(target, RANDOM_SEED, real.hash()));
	}

	private void pool(Evidence evidence) {
		evidenceByDoc.computeIfAbsent(evidence.documentId(), d -> new ArrayList<>()).add(evidence);
	}

	private void generate(int g) {
		// Shares of the generated nodes; models take the rest.
		int regions = share(g, 0.03);
		int vendors = share(g, 0.08);
		int chips = Math.max(1, share(g, 0.005));
		int applications = share(g, 0.08);
		int policies = share(g, 0.10);
		int bodies = share(g, 0.03);
		int people = share(g, 0.09);
		int facilities = share(g, 0.02);
		int datasets = share(g, 0.03);
		int technologies = share(g, 0.01);
		int figures = share(g, 0.14);
		int industries = share(g, 0.0002);
		int models = g - regions - vendors - chips - applications - policies - bodies - people - facilities - datasets
				- technologies - figures - industries;
		if (models < 1) {
			// Tiny sizes: models and vendors first.
			models = Math.max(1, g / 2);
			vendors = Math.max(1, g - models);
			regions = chips = applications = policies = bodies = people = facilities = datasets = technologies = figures = industries = 0;
		}

		List<String> topRegions = new ArrayList<>(ids.getOrDefault(Kind.REGION, List.of()));
		for (int i = 0; i < regions; i++) {
			String id = "s-region-" + i;
			boolean district = i % 4 == 3 && i >= 4;
			String parent = district ? "s-region-" + (i - 1 - random.nextInt(Math.min(i, 3))) : pick(topRegions);
			entity(Kind.REGION, id, (district ? "区" : "市") + word(i) + i, null, Map.of("level",
					new Fact(district ? "district" : "city", List.of())));
			relations.add(new Relation(RelType.PART_OF, Kind.REGION, id, Kind.REGION, parent, List.of(), Map.of(), true));
		}
		for (int i = 0; i < industries; i++) {
			entity(Kind.INDUSTRY, "s-industry-" + i, word(i) + "产业" + i, "Industry " + i, Map.of());
		}
		for (int i = 0; i < vendors; i++) {
			String id = "s-vendor-" + i;
			entity(Kind.VENDOR, id, word(i) + "智能科技" + i, PINYIN[i % PINYIN.length] + " tech " + i,
					Map.of("category", fact(i % 10 == 0 ? "chipmaker" : "company")));
			relate(RelType.LOCATED_IN, Kind.VENDOR, id, Kind.REGION, any(Kind.REGION));
			if (i > 0 && random.nextInt(20) == 0) {
				relate(RelType.PART_OF, Kind.VENDOR, id, Kind.VENDOR, "s-vendor-" + random.nextInt(i));
			}
			if (i > 0 && random.nextInt(10) == 0) {
				relate(RelType.PARTNERS_WITH, Kind.VENDOR, id, Kind.VENDOR, "s-vendor-" + random.nextInt(i));
			}
		}
		// Chips: a few popular real ones and generated ones; drawn with a skew so that most models use few chips.
		List<String> realChips = new ArrayList<>(ids.getOrDefault(Kind.CHIP, List.of()));
		for (int i = 0; i < chips; i++) {
			String id = "s-chip-" + i;
			entity(Kind.CHIP, id, word(i) + "芯片" + i, PINYIN[i % PINYIN.length] + " chip " + i,
					Map.of("chipType", fact(i % 3 == 0 ? "npu" : "gpu")));
			relate(RelType.MADE_BY, Kind.CHIP, id, Kind.VENDOR, "s-vendor-" + (10 * random.nextInt(Math.max(1, vendors / 10))));
			if (random.nextInt(10) == 0) {
				relate(RelType.SUBSTITUTES_FOR, Kind.CHIP, id, Kind.CHIP, pick(realChips.isEmpty() ? List.of(id) : realChips));
			}
		}
		List<String> chipPool = new ArrayList<>(realChips);
		for (int i = 0; i < chips; i++) {
			chipPool.add("s-chip-" + i);
		}
		for (int i = 0; i < technologies; i++) {
			entity(Kind.TECHNOLOGY, "s-technology-" + i, word(i) + "算法" + i, "Method " + i, Map.of());
		}
		for (int i = 0; i < datasets; i++) {
			entity(Kind.DATASET, "s-dataset-" + i, word(i) + "语料" + i, "Corpus " + i, Map.of());
		}
		for (int i = 0; i < facilities; i++) {
			String id = "s-facility-" + i;
			entity(Kind.FACILITY, id, word(i) + "算力中心" + i, "Compute centre " + i, Map.of());
			relate(RelType.DEVELOPS, Kind.VENDOR, vendor(vendors), Kind.FACILITY, id);
			relate(RelType.RUNS_ON, Kind.FACILITY, id, Kind.CHIP, skewed(chipPool));
			relate(RelType.LOCATED_IN, Kind.FACILITY, id, Kind.REGION, any(Kind.REGION));
		}
		List<String> industryIds = ids.getOrDefault(Kind.INDUSTRY, List.of());
		for (int i = 0; i < models; i++) {
			String id = "s-model-" + i;
			// Every vendor gets one model first (many vendors with one); the rest go to the top 1%.
			String vendor = i < vendors ? "s-vendor-" + i : "s-vendor-" + (int) (Math.max(1, vendors / 100) * Math.pow(random.nextDouble(), 2));
			String type = MODEL_TYPES[random.nextInt(MODEL_TYPES.length)];
			Map<String, Fact> props = new LinkedHashMap<>();
			props.put("type", fact(type));
			props.put("deployment", fact(DEPLOYMENTS[random.nextInt(DEPLOYMENTS.length)]));
			props.put("releaseDate", fact("%d-%02d".formatted(2019 + random.nextInt(7), 1 + random.nextInt(12))));
			entity(Kind.MODEL, id, word(i) + "大模型 " + i, PINYIN[i % PINYIN.length] + "-" + i, props);
			relate(RelType.DEVELOPS, Kind.VENDOR, vendor, Kind.MODEL, id);
			int serves = 1 + random.nextInt(5);
			for (String industry : distinct(industryIds, serves)) {
				relate(RelType.SERVES, Kind.MODEL, id, Kind.INDUSTRY, industry);
			}
			int chipCount = 1 + random.nextInt(3);
			List<String> used = new ArrayList<>();
			for (int c = 0; c < chipCount; c++) {
				String chip = skewed(chipPool);
				if (!used.contains(chip)) {
					used.add(chip);
					relate(random.nextInt(3) == 0 ? RelType.TRAINED_ON : RelType.RUNS_ON, Kind.MODEL, id, Kind.CHIP, chip);
				}
			}
			if (i > vendors && random.nextInt(5) == 0) {
				relate(RelType.VERSION_OF, Kind.MODEL, id, Kind.MODEL, "s-model-" + (vendors + random.nextInt(i - vendors)));
			}
			else if (i > 0 && random.nextInt(20) == 0) {
				relate(RelType.BASED_ON, Kind.MODEL, id, Kind.MODEL, "s-model-" + random.nextInt(i));
			}
			if (facilities > 0 && random.nextInt(5) == 0) {
				relate(RelType.USES, Kind.MODEL, id, Kind.FACILITY, "s-facility-" + random.nextInt(facilities));
			}
			if (technologies > 0 && random.nextInt(3) == 0) {
				relate(RelType.USES, Kind.MODEL, id, Kind.TECHNOLOGY, "s-technology-" + random.nextInt(technologies));
			}
			if (datasets > 0 && random.nextInt(10) == 0) {
				relate(RelType.TRAINED_ON, Kind.MODEL, id, Kind.DATASET, "s-dataset-" + random.nextInt(datasets));
			}
			if (datasets > 0 && random.nextInt(10) == 0) {
				relate(RelType.EVALUATED_ON, Kind.MODEL, id, Kind.DATASET, "s-dataset-" + random.nextInt(datasets),
						Map.of("score", Math.round(random.nextDouble() * 1000) / 10.0));
			}
		}
		for (int i = 0; i < applications; i++) {
			String id = "s-application-" + i;
			entity(Kind.APPLICATION, id, word(i) + "助手" + i, "Assistant " + i, Map.of());
			relate(RelType.DEVELOPS, Kind.VENDOR, vendor(vendors), Kind.APPLICATION, id);
			relate(RelType.BUILT_ON, Kind.APPLICATION, id, Kind.MODEL, "s-model-" + random.nextInt(models));
			for (String industry : distinct(industryIds, 1 + random.nextInt(2))) {
				relate(RelType.SERVES, Kind.APPLICATION, id, Kind.INDUSTRY, industry);
			}
			if (random.nextInt(5) == 0) {
				relate(RelType.RUNS_ON, Kind.APPLICATION, id, Kind.CHIP, skewed(chipPool));
			}
		}
		for (int i = 0; i < bodies; i++) {
			String id = "s-body-" + i;
			entity(Kind.BODY, id, word(i) + "人工智能办公室" + i, "AI office " + i, Map.of());
			relate(RelType.LOCATED_IN, Kind.BODY, id, Kind.REGION, any(Kind.REGION));
		}
		List<String> allBodies = ids.getOrDefault(Kind.BODY, List.of());
		for (int i = 0; i < policies; i++) {
			String id = "s-policy-" + i;
			Map<String, Fact> props = new LinkedHashMap<>();
			props.put("date", fact("%d-%02d".formatted(2015 + random.nextInt(11), 1 + random.nextInt(12))));
			props.put("scope", fact("local"));
			entity(Kind.POLICY, id, word(i) + "人工智能产业发展行动方案 " + i, "AI action plan " + i, props);
			relate(RelType.COVERS, Kind.POLICY, id, Kind.REGION, any(Kind.REGION));
			relate(RelType.ISSUED_BY, Kind.POLICY, id, Kind.BODY, pick(allBodies));
			for (String industry : distinct(industryIds, 1 + random.nextInt(2))) {
				relate(RelType.SUPPORTS, Kind.POLICY, id, Kind.INDUSTRY, industry);
			}
			if (random.nextInt(100) == 0) {
				relate(RelType.RESTRICTS, Kind.POLICY, id, Kind.CHIP, skewed(chipPool));
			}
		}
		for (int i = 0; i < people; i++) {
			String id = "s-person-" + i;
			entity(Kind.PERSON, id, word(i) + "博士" + i, null, Map.of());
			relate(RelType.AFFILIATED_WITH, Kind.PERSON, id, Kind.VENDOR, vendor(vendors));
		}
		for (int i = 0; i < figures; i++) {
			String id = "s-figure-" + i;
			Map<String, Fact> props = new LinkedHashMap<>();
			props.put("value", fact(random.nextInt(100_000)));
			props.put("year", fact(String.valueOf(2019 + random.nextInt(7))));
			entity(Kind.FIGURE, id, word(i) + "市场规模" + i, null, props);
			Kind measured = switch (random.nextInt(4)) {
				case 0 -> Kind.REGION;
				case 1 -> Kind.INDUSTRY;
				case 2 -> Kind.VENDOR;
				default -> Kind.MODEL;
			};
			relate(RelType.MEASURES, Kind.FIGURE, id, measured, any(measured));
		}
	}

	private static int share(int total, double fraction) {
		return (int) Math.round(total * fraction);
	}

	/** The words generated names are made of, Chinese and pinyin: what a user searches the generated graph for. */
	static List<String> words() {
		List<String> words = new ArrayList<>(List.of(WORDS));
		words.addAll(List.of(PINYIN));
		return words;
	}

	private static String word(int i) {
		return WORDS[Math.floorMod(i * 7 + i / WORDS.length, WORDS.length)];
	}

	private String vendor(int vendors) {
		return vendors == 0 ? pick(ids.get(Kind.VENDOR)) : "s-vendor-" + random.nextInt(vendors);
	}

	private String any(Kind kind) {
		return pick(ids.get(kind));
	}

	private String pick(List<String> list) {
		return list.get(random.nextInt(list.size()));
	}

	/** Lower indexes far more often: a few popular chips carry most models. */
	private String skewed(List<String> list) {
		return list.get((int) (list.size() * Math.pow(random.nextDouble(), 3)));
	}

	private List<String> distinct(List<String> from, int count) {
		List<String> chosen = new ArrayList<>(count);
		for (int tries = 0; chosen.size() < Math.min(count, from.size()) && tries < 4 * count; tries++) {
			String id = pick(from);
			if (!chosen.contains(id)) {
				chosen.add(id);
			}
		}
		return chosen;
	}

	private Fact fact(Object value) {
		return new Fact(value, List.of(evidence(docs.get(random.nextInt(docs.size())))));
	}

	private Evidence evidence(String doc) {
		List<Evidence> pool = evidenceByDoc.get(doc);
		if (pool == null) {
			pool = evidenceByDoc.values().iterator().next();
		}
		return pool.get(random.nextInt(pool.size()));
	}

	/** One to three evidence entries from distinct documents: each becomes a MENTIONS relationship. */
	private List<Evidence> entityEvidence() {
		int count = 1 + random.nextInt(3);
		List<Evidence> evidence = new ArrayList<>(count);
		Predicate<String> taken = doc -> evidence.stream().anyMatch(e -> e.documentId().equals(doc));
		for (int i = 0; i < count; i++) {
			String doc = docs.get(random.nextInt(docs.size()));
			if (!taken.test(doc)) {
				Evidence e = evidence(doc);
				evidence.add(e.documentId().equals(doc) ? e : Evidence.of(doc, e.quote(), e.section()));
			}
		}
		return evidence;
	}

	private void entity(Kind kind, String id, String name, String nameEn, Map<String, Fact> props) {
		entities.add(new Entity(kind, id, name, nameEn, List.of(), entityEvidence(), props, false));
		ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
	}

	private void relate(RelType type, Kind fromKind, String from, Kind toKind, String to) {
		relate(type, fromKind, from, toKind, to, Map.of());
	}

	private void relate(RelType type, Kind fromKind, String from, Kind toKind, String to, Map<String, Object> props) {
		if (from.equals(to) && fromKind == toKind) {
			return;
		}
		Evidence evidence = evidence(docs.get(random.nextInt(docs.size())));
		relations.add(new Relation(type, fromKind, from, toKind, to, List.of(evidence), props, false));
	}

}
