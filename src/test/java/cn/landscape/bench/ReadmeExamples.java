package cn.landscape.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's examples on the real seed, each with the status and some of the text the README shows for
 * it: the bench asks them of a service started with a small heap, to show that it answers them, not
 * merely that it starts.
 */
final class ReadmeExamples {

	record Example(String path, int status, List<String> shows) {
	}

	static final List<Example> EXAMPLES = List.of(
			new Example("/api/models/ChatGPT/chip-dependencies", 200, List.of("\"a100\"", "管制清单", "英伟达 A800")),
			new Example("/api/industries/finance/models", 200, List.of("pengcheng-naohai", "rongxi-copilot")),
			new Example("/api/industries/%E9%87%91%E8%9E%8D/models", 200, List.of("pengcheng-naohai", "rongxi-copilot")),
			new Example("/api/search?q=Spark&limit=2", 200, List.of("\"spark\"", "spark-v3-5")),
			new Example("/api/policies?region=%E5%B9%BF%E4%B8%9C", 200,
					List.of("shenzhen-ai-action-plan", "guangdong-agi-opinions")),
			new Example("/api/industries/financ/models", 404, List.of("/problems/not-found", "金融 (Finance)")),
			new Example("/api/graph?focus=huawei&depth=0", 400, List.of("/problems/bad-parameter", "between 1 and 3")),
			new Example("/api/stats", 200, List.of("totalNodes", "SERVES")), new Example("/", 200, List.of("<html")),
			new Example("/actuator/health", 200, List.of("UP")));

	private ReadmeExamples() {
	}

	/** Each example with what it answered; {@code ok} when the status and every expected text match. */
	static List<Map<String, Object>> check(int port) {
		List<Map<String, Object>> results = new ArrayList<>();
		try (LoopbackHttp http = new LoopbackHttp(port)) {
			for (Example example : EXAMPLES) {
				long t0 = System.nanoTime();
				LoopbackHttp.Response response = http.get(example.path());
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("path", example.path());
				result.put("status", response.status());
				result.put("ms", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
				List<String> missing = example.shows().stream().filter(text -> !response.body().contains(text)).toList();
				result.put("ok", response.status() == example.status() && missing.isEmpty());
				result.put("missing", missing);
				results.add(result);
			}
		}
		return results;
	}

}
