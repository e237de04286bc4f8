package cn.landscape.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.landscape.seed.SeedModel;
import cn.landscape.seed.SeedReader;
import cn.landscape.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding a document and reviewing its proposals over HTTP, on a temporary copy of graph-seed/. */
class DocumentApiTest extends TemporarySeedApp {

	private static final HttpClient client = HttpClient.newHttpClient();

	static final String ARTICLE = """
			# 大模型新进展

			2025年1月，科大讯飞发布讯飞星火认知大模型新版本，面向教育和医疗行业。

			容联云推出的赤兔大模型赋能金融行业客服。

			某智能科技有限公司推出“天工”大模型。

			<script>alert('x')</script> 页面里的脚本只是文字。
			""";

	private Http.Response post(String path, byte[] body, String authorization) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").orElse("");
			return new Http.Response(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse("") + (location.isEmpty() ? "" : " location=" + location),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Http.Response post(String path, String json) {
		return post(path, json.getBytes(StandardCharsets.UTF_8), TOKEN);
	}

	static String body(String title, String date, String text) {
		ObjectNodeBuilder b = new ObjectNodeBuilder();
		return b.put("title", title).put("publisher", "测试社").put("date", date).put("text", text).toString();
	}

	/** Builds a JSON object with proper escaping. */
	static final class ObjectNodeBuilder {

		private final tools.jackson.databind.node.ObjectNode node = JsonMapper.shared().createObjectNode();

		ObjectNodeBuilder put(String key, String value) {
			node.put(key, value);
			return this;
		}

		@Override
		public String toString() {
			return node.toString();
		}
	}

	private JsonNode added(String title, String text) {
		Http.Response response = post("/api/documents", body(title, "2025-01", text));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	@Test
	void adding_a_document_answers_201_with_its_location_mentions_and_proposals_and_writes_graph_seed() {
		Http.Response response = post("/api/documents", body("讯飞与容联云的新进展", "2025-01-20", ARTICLE));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode answer = response.json();
		String id = answer.get("document").get("id").asString();
		assertThat(response.contentType()).contains("location=/api/documents/" + id);
		assertThat(answer.get("sentences").size()).isGreaterThan(3);
		assertThat(answer.get("mentions").toString()).contains("model:spark", "vendor:iflytek", "model:chitu",
				"industry:finance");
		assertThat(answer.get("proposals").toString()).contains("\"existing\":true");
		assertThat(answer.get("candidates").toString()).contains("天工");
		assertThat(answer.get("sentences").toString()).doesNotContain("<script>", "alert(").contains("页面里的脚本只是文字");

		assertThat(Files.exists(SEED.resolve("documents/" + id + ".yaml"))).isTrue();
		assertThat(Files.exists(SEED.resolve("documents/" + id + ".txt"))).isTrue();
		SeedModel seed = SeedReader.read(SEED);
		assertThat(seed.entities().stream().filter(e -> e.ref().equals("document:" + id))).hasSize(1);
		assertThat(seed.entities().stream().filter(e -> e.ref().equals("model:chitu")).findFirst().orElseThrow().evidence())
			.anyMatch(ev -> ev.documentId().equals(id));

		JsonNode again = Http.get(url("/api/documents/" + id)).json();
		assertThat(again.get("proposals").size()).isEqualTo(answer.get("proposals").size());
		assertThat(again.get("mentions").size()).isEqualTo(answer.get("mentions").size());
		assertThat(Http.get(url("/api/documents")).body()).contains(id);
		assertThat(Http.get(url("/api/entities/chitu")).body()).contains(id);
	}

	@Test
	void accepting_writes_the_fact_into_graph_seed_and_the_graph_and_a_second_accept_is_409() {
		JsonNode answer = added("容联云赤兔新场景", "容联云的赤兔大模型已落地教育行业。");
		JsonNode proposal = find(answer, "SERVES", "model:chitu", "industry:education");
		String pid = proposal.get("id").asString();

		Http.Response accepted = post("/api/proposals/" + pid + "/accept", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(relationship("chitu", "SERVES", "industry:education")).containsExactly("容联云的赤兔大模型已落地教育行业。");
		assertThat(SeedReader.read(SEED).relations()).anyMatch(r -> r.key().equals("model:chitu|SERVES|industry:education"));

		Http.Response twice = post("/api/proposals/" + pid + "/accept", "");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.contentType()).startsWith("application/problem+json");
		assertThat(twice.json().get("detail").asString()).contains(pid, "accepted");
		assertThat(Http.get(url("/api/documents/" + answer.get("document").get("id").asString())).body())
			.contains("\"status\":\"accepted\"");
	}

	@Test
	void an_accept_may_change_the_type_and_ends_first_and_a_candidate_becomes_a_new_entity() {
		JsonNode answer = added("天衡发布", "北京某智能科技有限公司推出“天衡”大模型。");
		JsonNode proposal = null;
		for (JsonNode p : answer.get("proposals")) {
			if (p.get("to").get("candidate").asBoolean() && p.get("to").get("name").asString().equals("天衡")) {
				proposal = p;
			}
		}
		assertThat(proposal).as(answer.get("proposals").toString()).isNotNull();
		String pid = proposal.get("id").asString();

		Http.Response missingType = post("/api/proposals/" + pid + "/accept", "{\"from\": \"vendor:baidu\"}");
		assertThat(missingType.status()).isEqualTo(400);
		assertThat(missingType.json().get("field").asString()).isEqualTo("modelType");

		Http.Response wrongKinds = post("/api/proposals/" + pid + "/accept", "{\"type\": \"MADE_BY\"}");
		assertThat(wrongKinds.status()).isEqualTo(400);
		assertThat(wrongKinds.json().get("detail").asString()).contains("MADE_BY");

		Http.Response ok = post("/api/proposals/" + pid + "/accept",
				"{\"from\": \"百度\", \"modelType\": \"general\"}");
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		String newRef = ok.json().get("fact").get("to").asString();
		assertThat(newRef).startsWith("model:");
		SeedModel seed = SeedReader.read(SEED);
		assertThat(seed.entities()).anyMatch(e -> e.ref().equals(newRef) && e.name().equals("天衡"));
		assertThat(seed.relations()).anyMatch(r -> r.key().equals("vendor:baidu|DEVELOPS|" + newRef));
	}

	@Test
	void two_accepts_at_the_same_moment_both_land() throws Exception {
		JsonNode answer = added("两项事实", "容联云的赤兔大模型已落地医疗行业和电商行业。");
		String a = find(answer, "SERVES", "model:chitu", "industry:healthcare").get("id").asString();
		String b = find(answer, "SERVES", "model:chitu", "industry:ecommerce").get("id").asString();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Http.Response>> calls = List.of(() -> post("/api/proposals/" + a + "/accept", ""),
					() -> post("/api/proposals/" + b + "/accept", ""));
			List<Integer> statuses = new ArrayList<>();
			for (Future<Http.Response> f : pool.invokeAll(calls)) {
				statuses.add(f.get().status());
			}
			assertThat(statuses).containsExactly(200, 200);
		}
		finally {
			pool.shutdown();
		}
		List<String> keys = SeedReader.read(SEED).relations().stream().map(SeedModel.Relation::key).toList();
		assertThat(keys).contains("model:chitu|SERVES|industry:healthcare", "model:chitu|SERVES|industry:ecommerce");
	}

	@Test
	void a_rejected_proposal_stays_out_of_the_graph_and_cannot_be_accepted() {
		JsonNode answer = added("拒绝", "容联云的赤兔大模型已落地制造行业。");
		String pid = find(answer, "SERVES", "model:chitu", "industry:manufacturing").get("id").asString();
		assertThat(post("/api/proposals/" + pid + "/reject", "").status()).isEqualTo(200);
		assertThat(post("/api/proposals/" + pid + "/accept", "").status()).isEqualTo(409);
		assertThat(relationship("chitu", "SERVES", "industry:manufacturing")).isEmpty();
		assertThat(SeedReader.read(SEED).relations()).noneMatch(r -> r.key().equals("model:chitu|SERVES|industry:manufacturing"));
	}

	@Autowired
	private IngestCommand command;

	@Test
	void the_command_line_adds_a_file_as_the_api_does_and_refuses_a_file_that_is_not_utf8() throws IOException {
		Path file = Files.createTempFile("article", ".md");
		Files.writeString(file, "## 新闻\n\n华为发布了盘古大模型的新版本，面向政务行业。", StandardCharsets.UTF_8);
		IngestCommand.Outcome added = command.ingest(new DefaultApplicationArguments("--ingest=" + file,
				"--title=盘古新版本", "--publisher=某报", "--date=2025-02-03"));
		assertThat(added.exitCode()).as(added.message()).isZero();
		String id = added.message().replaceAll("^Added document (doc-[0-9a-f]+).*$", "$1");
		JsonNode document = Http.get(url("/api/documents/" + id)).json();
		assertThat(document.get("document").get("date").asString()).isEqualTo("2025-02-03");
		assertThat(document.get("mentions").toString()).contains("model:pangu");

		Path latin1 = Files.createTempFile("latin1", ".txt");
		Files.write(latin1, "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
		IngestCommand.Outcome refused = command.ingest(new DefaultApplicationArguments("--ingest=" + latin1,
				"--title=t", "--publisher=p", "--date=2025-02"));
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.message()).contains("not UTF-8");
		IngestCommand.Outcome noDate = command.ingest(new DefaultApplicationArguments("--ingest=" + file, "--title=t",
				"--publisher=p"));
		assertThat(noDate.exitCode()).isEqualTo(1);
		assertThat(noDate.message()).contains("date");
	}

	@Test
	void bad_input_answers_a_problem_naming_what_to_change_and_writes_nothing() throws IOException {
		long before = countDocuments();
		problem(post("/api/documents", body("空", "2025-01", "   ")), 400, "text");
		problem(post("/api/documents", body("大", "2025-01", "大".repeat(DocumentService.MAX_BYTES / 3 + 10))), 413, "text");
		byte[] latin1 = ("{\"title\":\"t\",\"publisher\":\"p\",\"date\":\"2025-01\",\"text\":\"caf\u00e9 " + "\"}")
			.getBytes(StandardCharsets.ISO_8859_1);
		problem(post("/api/documents", latin1, TOKEN), 400, "text");
		problem(post("/api/documents", body("二进制", "2025-01", "PK\u0003\u0004\u0000\u0000binary")), 400, "text");
		problem(post("/api/documents", body("日期", "January 2025", "百度发布文心一言。")), 400, "date");
		problem(post("/api/documents", body("", "2025-01", "百度发布文心一言。")), 400, "title");
		problem(post("/api/documents", "not json"), 400, "text");
		assertThat(post("/api/documents", body("无令牌", "2025-01", "百度发布文心一言。").getBytes(StandardCharsets.UTF_8), null)
			.status()).isEqualTo(401);
		assertThat(countDocuments()).isEqualTo(before);

		JsonNode first = added("同一篇", "百度发布了文心一言的新功能，同一篇文字。");
		String id = first.get("document").get("id").asString();
		JsonNode again = problem(post("/api/documents", body("同一篇（再次）", "2025-02", "百度发布了文心一言的新功能，同一篇文字。")), 409,
				null);
		assertThat(again.get("detail").asString()).contains(id);
		assertThat(again.get("existing").asString()).isEqualTo(id);

		problem(post("/api/proposals/" + id + "-p999/accept", ""), 404, null);
		problem(post("/api/proposals/nothing/reject", ""), 404, null);
		problem(Http.get(url("/api/documents/doc-000000000000")), 404, null);
	}

	/**
	 * The evidence quotes of one relationship of an entity, read from GET /api/entities/{ref}; empty when the
	 * graph has no such relationship. A read that times out on the shared test machine is tried again.
	 */
	private List<String> relationship(String entity, String type, String otherRef) {
		Http.Response response = Http.get(url("/api/entities/" + entity));
		for (int attempt = 0; attempt < 3 && response.status() == 503; attempt++) {
			response = Http.get(url("/api/entities/" + entity));
		}
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> quotes = new ArrayList<>();
		for (JsonNode r : response.json().get("relationships")) {
			if (r.get("type").asString().equals(type) && r.get("other").get("ref").asString().equals(otherRef)) {
				r.get("evidence").forEach(ev -> quotes.add(ev.get("quote").asString()));
				assertThat(quotes).isNotEmpty();
			}
		}
		return quotes;
	}

	private static JsonNode problem(Http.Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("detail").asString()).isNotBlank();
		if (field != null) {
			assertThat(body.get("field").asString()).isEqualTo(field);
		}
		return body;
	}

	private static long countDocuments() throws IOException {
		Path folder = SEED.resolve("documents");
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
	}

	private static JsonNode find(JsonNode answer, String type, String from, String to) {
		for (JsonNode p : answer.get("proposals")) {
			if (p.get("type").asString().equals(type) && from.equals(p.get("from").get("ref").asString())
					&& to.equals(p.get("to").get("ref").asString())) {
				return p;
			}
		}
		throw new AssertionError("no " + from + " " + type + " " + to + " among " + answer.get("proposals"));
	}

}
