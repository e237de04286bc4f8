package cn.landscape.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the full-app tests: what any user of the API sees. */
public final class Http {

	private static final HttpClient client = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.shared();

	private Http() {
	}

	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return Http.json.readTree(body);
		}
	}

	public static Response get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	public static Response get(String url, String headerName, String headerValue) {
		return send(HttpRequest.newBuilder(URI.create(url)).header(headerName, headerValue).GET().build());
	}

	public static Response post(String url, String headerName, String headerValue) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
		if (headerName != null) {
			builder.header(headerName, headerValue);
		}
		return send(builder.build());
	}

	private static Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
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

}
