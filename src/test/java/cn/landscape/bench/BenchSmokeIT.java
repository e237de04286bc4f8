package cn.landscape.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at a tiny size, so that the default build proves it still runs end to end and writes
 * every field of report.json. Asserts the shape only, never a time.
 */
class BenchSmokeIT {

	@Test
	void tiny_run_writes_a_report_with_every_field() throws Exception {
		Path output = Path.of("target/bench-smoke/report.json");
		Files.deleteIfExists(output);
		new Bench(new Bench.Settings(List.of(600), 2, 5, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, output, "64m", 3,
				200, Duration.ofSeconds(5), true, List.of("-Xmx256m"), List.of("-Xmx256m"), 20_000))
			.run();

		JsonNode report = JsonMapper.shared().readTree(Files.readString(output));
		assertThat(report.get("machine").asString()).contains("cores");
		assertThat(report.get("runs")).hasSize(1);
		JsonNode run = report.get("runs").get(0);
		assertThat(run.get("nodes").asLong()).isGreaterThanOrEqualTo(600);
		assertThat(run.get("relationships").asLong()).isGreaterThan(run.get("nodes").asLong());
		assertThat(run.get("importPerSecond").isNumber()).isTrue();
		assertThat(run.get("heapUsedMb").isNumber()).isTrue();
		assertThat(run.get("httpFloorP50Ms").asDouble()).isPositive();
		for (String field : List.of("startupMs", "restartMs", "rssMb", "rssLoadMb")) {
			assertThat(run.get(field).asLong()).as(field).isPositive();
		}
		assertThat(run.get("referenceImportPerSecond").asLong()).isPositive();
		assertThat(run.get("referenceImport").get("nodes").asLong()).isEqualTo(run.get("nodes").asLong());
		assertThat(run.get("referenceImport").get("relationships").asLong()).isEqualTo(run.get("relationships").asLong());
		for (JsonNode export : run.get("export").get("whole")) {
			assertThat(export.get("complete").asBoolean()).as(export.get("format").asString()).isTrue();
		}
		assertThat(run.get("export").get("concurrent").get("errors").asLong()).isZero();
		JsonNode realSeed = run.get("realSeed");
		assertThat(realSeed.get("readmeExamples")).hasSize(ReadmeExamples.EXAMPLES.size());
		assertThat(realSeed.get("readmeExamplesOk").asBoolean()).as(realSeed.get("readmeExamples").toString()).isTrue();
		assertThat(realSeed.get("rssIdleMb").asLong()).isPositive();
		assertThat(realSeed.get("rssLoadMb").asLong()).isPositive();
		assertThat(realSeed.get("mixErrorsByQuestion").isObject()).isTrue();
		// The report of ../shared/seeds when it is there, and the generated text: each added, with what was found
		JsonNode ingest = realSeed.get("ingest");
		assertThat(ingest).hasSize(Files.isDirectory(IngestRun.SHARED_SEEDS) ? 2 : 1);
		for (JsonNode document : ingest) {
			assertThat(document.get("status").asInt()).as(document.toString()).isEqualTo(201);
			assertThat(document.get("ms").asLong()).isPositive();
			assertThat(document.get("mentions").asInt()).as(document.toString()).isPositive();
			assertThat(document.get("proposals").asInt()).as(document.toString()).isPositive();
		}
		assertThat(ingest.get(ingest.size() - 1).get("bytes").asInt()).isGreaterThanOrEqualTo(20_000);
		assertThat(run.get("mixed")).hasSize(10);
		for (JsonNode question : run.get("mixed")) {
			for (String field : List.of("coldP50Ms", "coldP99Ms", "coldRawP50Ms", "warmP50Ms", "warmP99Ms", "hitRatio",
					"apiCostP50Ms")) {
				assertThat(question.get(field).isNumber()).as(question.get("name") + " " + field).isTrue();
			}
			// A 503 (query timeout) on a busy machine is an answer; a wrong URL would fail every ask.
			assertThat(question.get("errors").asLong()).as(question.get("name") + " errors")
				.isLessThan(question.get("coldSamples").asLong() + question.get("warmSamples").asLong());
		}
		assertThat(run.get("queries")).hasSize(10);
		for (JsonNode query : run.get("queries")) {
			assertThat(query.get("name").asString()).isNotBlank();
			// A plain twin has no endpoint of its own, so no API figure.
			boolean twin = query.get("name").asString().endsWith("plain twin");
			for (String field : List.of("rawP50Ms", "rawP99Ms", "apiP50Ms", "apiP99Ms")) {
				assertThat(query.get(field).isNumber()).as(query.get("name") + " " + field)
					.isEqualTo(!field.startsWith("api") || !twin);
			}
		}
		assertThat(report.get("throughput").get("rps").isNumber()).isTrue();
		assertThat(report.get("throughput").get("errors").asLong()).isZero();
		assertThat(report.get("throughputMixed").get("rps").isNumber()).isTrue();
		assertThat(report.get("throughputMixed").get("errors").isNumber()).isTrue();
		JsonNode byQuestion = report.get("throughputMixed").get("errorsByQuestion");
		assertThat(byQuestion.isObject()).isTrue();
		long attributed = 0;
		for (JsonNode count : byQuestion) {
			attributed += count.asLong();
		}
		assertThat(attributed).isEqualTo(report.get("throughputMixed").get("errors").asLong());
		assertThat(report.get("throughputMixed").get("clients").asInt()).isEqualTo(2);
	}

}
