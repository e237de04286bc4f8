package cn.landscape.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.landscape.entity.Kind;
import cn.landscape.seed.SeedModel;

/**
 * Ingestion as a curator does it (issue 15): POST /api/documents with the 72 kB report of the shared
 * seeds (skipped when ../shared/seeds is absent) and with generated text of a given size, each once, since
 * a document can be added only once. The time is the whole request: extraction, the files written and the
 * seed reloaded.
 */
final class IngestRun {

	static final Path SHARED_SEEDS = Path.of("../shared/seeds");

	private static final String[] FILLER = { "业内人士认为，大模型产业仍处于快速发展阶段，应用场景不断拓展。",
			"多家机构表示，算力、数据和人才是下一阶段竞争的关键。", "报告指出，行业应用正在从试点走向规模化部署。" };

	private IngestRun() {
	}

	/** Each document's bytes, time, status and what the service found in it. */
	static List<Map<String, Object>> run(int port, String token, SeedModel seed, int generatedBytes) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<Map<String, Object>> results = new ArrayList<>();
		Optional<Path> report = largestSharedSeed();
		if (report.isPresent()) {
			results.add(add(http, port, token, "report", "72 kB report (" + report.get().getFileName() + ")",
					read(report.get())));
		}
		else {
			Bench.log("ingest: %s is absent, so the report is not ingested", SHARED_SEEDS);
		}
		results.add(add(http, port, token, "generated", "generated from the seed's names", generate(seed, generatedBytes)));
		return results;
	}

	private static Map<String, Object> add(HttpClient http, int port, String token, String name, String title, String text) {
		Map<String, Object> body = Map.of("title", "bench: " + title, "publisher", "bench", "date", "2024-03", "text", text);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body)))
			.build();
		long t0 = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		long ms = (System.nanoTime() - t0) / 1_000_000;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("name", name);
		result.put("bytes", text.getBytes(StandardCharsets.UTF_8).length);
		result.put("status", response.statusCode());
		result.put("ms", ms);
		if (response.statusCode() == 201) {
			JsonNode view = JsonMapper.shared().readTree(response.body());
			for (String part : List.of("sentences", "mentions", "candidates", "proposals")) {
				result.put(part, view.get(part).size());
			}
		}
		Bench.log("ingest %-9s: %,d bytes, status %d in %,d ms: %s", name, result.get("bytes"), response.statusCode(), ms,
				response.statusCode() == 201 ? result : response.body());
		return result;
	}

	/** The largest text of the shared seeds: the 72 kB report. */
	private static Optional<Path> largestSharedSeed() {
		if (!Files.isDirectory(SHARED_SEEDS)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(SHARED_SEEDS)) {
			return files.filter(f -> f.toString().endsWith(".txt")).max(Comparator.comparingLong(IngestRun::size));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sentences about the seed's vendors, models, chips, industries and regions, with made-up company names
	 * among them (candidates) and filler, drawn with a fixed random seed up to {@code bytes} of UTF-8.
	 */
	static String generate(SeedModel seed, int bytes) {
		List<String> vendors = names(seed, Kind.VENDOR);
		List<String> models = names(seed, Kind.MODEL);
		List<String> chips = names(seed, Kind.CHIP);
		List<String> industries = names(seed, Kind.INDUSTRY);
		List<String> regions = names(seed, Kind.REGION);
		SplittableRandom random = new SplittableRandom(SyntheticLandscape.RANDOM_SEED);
		StringBuilder text = new StringBuilder();
		int size = 0;
		int paragraph = 0;
		while (size < bytes) {
			String sentence = switch (random.nextInt(6)) {
				case 0 -> pick(vendors, random) + "发布了" + pick(models, random) + "，面向" + pick(industries, random) + "行业提供服务。";
				case 1 -> pick(models, random) + "基于" + pick(chips, random) + "训练，已在" + pick(regions, random) + "落地。";
				case 2 -> pick(regions, random) + "的星辰" + random.nextInt(1000) + "智能科技有限公司推出了行业大模型。";
				case 3 -> "据" + pick(vendors, random) + "介绍，" + pick(models, random) + "的参数规模达到" + (10 + random.nextInt(990)) + "亿。";
				default -> FILLER[random.nextInt(FILLER.length)];
			};
			text.append(sentence);
			size += sentence.getBytes(StandardCharsets.UTF_8).length;
			if (++paragraph % 8 == 0) {
				text.append("\n\n");
				size += 2;
			}
		}
		return text.toString();
	}

	private static List<String> names(SeedModel seed, Kind kind) {
		List<String> names = seed.entities().stream().filter(e -> e.kind() == kind).map(SeedModel.Entity::name).toList();
		return names.isEmpty() ? List.of(kind.label()) : names;
	}

	private static String pick(List<String> names, SplittableRandom random) {
		return names.get(random.nextInt(names.size()));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
