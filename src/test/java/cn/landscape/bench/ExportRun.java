package cn.landscape.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The export under a small heap (issue 15): each format once, whole, then many clients exporting at once
 * for a while, with the service's resident memory sampled every second. The bodies are counted and
 * dropped as they arrive, so the client holds none of them.
 */
final class ExportRun {

	static final List<String> FORMATS = List.of("json", "csv", "graphml");

	private ExportRun() {
	}

	static Map<String, Object> run(int port, int clients, Duration window, Supplier<Long> rssMb) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Map<String, Object> result = new LinkedHashMap<>();
		List<Map<String, Object>> whole = new ArrayList<>();
		long rssBefore = rssMb.get();
		long rssMax = rssBefore;
		for (String format : FORMATS) {
			long t0 = System.nanoTime();
			Download d = download(http, port, format, Long.MAX_VALUE);
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("format", format);
			one.put("status", d.status());
			one.put("complete", d.complete());
			one.put("ms", (System.nanoTime() - t0) / 1_000_000);
			one.put("mb", Math.round(d.bytes() / 1e5) / 10.0);
			whole.add(one);
			rssMax = Math.max(rssMax, rssMb.get());
			Bench.log("export %-7s: %s, %s MB in %,d ms", format, d.complete() ? "complete" : "status " + d.status(),
					one.get("mb"), one.get("ms"));
		}
		result.put("whole", whole);
		result.put("rssBeforeMb", rssBefore);
		result.put("rssAfterWholeMb", Math.max(rssMax, rssMb.get()));

		AtomicLong completed = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		long end = System.nanoTime() + window.toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			String format = FORMATS.get(c % FORMATS.size());
			Thread.ofPlatform().name("bench-export-" + c).start(() -> {
				try {
					while (System.nanoTime() < end) {
						Download d = download(http, port, format, end);
						bytes.addAndGet(d.bytes());
						if (d.complete()) {
							completed.incrementAndGet();
						}
						else if (d.status() != 200 || System.nanoTime() < end) {
							errors.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		List<Long> samples = new ArrayList<>();
		try {
			while (!done.await(1, TimeUnit.SECONDS)) {
				samples.add(rssMb.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Map<String, Object> concurrent = new LinkedHashMap<>();
		concurrent.put("clients", clients);
		concurrent.put("seconds", window.toSeconds());
		concurrent.put("completed", completed.get());
		concurrent.put("errors", errors.get());
		concurrent.put("mbReceived", Math.round(bytes.get() / 1e5) / 10.0);
		concurrent.put("rssSamplesMb", samples);
		concurrent.put("rssMaxMb", samples.stream().mapToLong(Long::longValue).max().orElse(0));
		result.put("concurrent", concurrent);
		Bench.log("export, %d clients for %d s: %d complete, %d errors, %s MB received; RSS before %d MB, during %s",
				clients, window.toSeconds(), completed.get(), errors.get(), concurrent.get("mbReceived"), rssBefore, samples);
		return result;
	}

	record Download(int status, long bytes, boolean complete) {
	}

	/** Reads the body to its end, or until {@code end} (System.nanoTime) and then drops the connection. */
	private static Download download(HttpClient http, int port, String format, long end) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/export?format=" + format))
			.build();
		long bytes = 0;
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				byte[] buffer = new byte[1 << 16];
				for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
					bytes += n;
					if (System.nanoTime() > end) {
						return new Download(response.statusCode(), bytes, false);
					}
				}
			}
			return new Download(response.statusCode(), bytes, response.statusCode() == 200);
		}
		catch (IOException ex) {
			return new Download(-1, bytes, false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Download(-1, bytes, false);
		}
	}

}
