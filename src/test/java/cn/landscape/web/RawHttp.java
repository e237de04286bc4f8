package cn.landscape.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: sends the request line and headers byte for byte as given, for what a
 * well-behaved client cannot send (raw UTF-8 in the URL, a NUL, a forged Host header).
 */
public final class RawHttp {

	private RawHttp() {
	}

	public record Response(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	public static Response get(int port, String target, String... headers) {
		return send(port, "GET", target.getBytes(StandardCharsets.UTF_8), headers);
	}

	public static Response send(int port, String method, byte[] target, String... headers) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
			request.writeBytes(target);
			StringBuilder head = new StringBuilder(" HTTP/1.1\r\n");
			boolean host = false;
			for (String header : headers) {
				host |= header.regionMatches(true, 0, "Host:", 0, 5);
				head.append(header).append("\r\n");
			}
			if (!host) {
				head.append("Host: localhost:").append(port).append("\r\n");
			}
			head.append("Connection: close\r\n\r\n");
			request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Response parse(byte[] bytes) throws IOException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IOException("No HTTP response: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, body);
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		byte[] raw = chunked.getBytes(StandardCharsets.UTF_8);
		int pos = 0;
		while (pos < raw.length) {
			int lineEnd = indexOf(raw, pos);
			int size = Integer.parseInt(new String(raw, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
			if (size == 0) {
				break;
			}
			body.append(new String(raw, lineEnd + 2, size, StandardCharsets.UTF_8));
			pos = lineEnd + 2 + size + 2;
		}
		return body.toString();
	}

	private static int indexOf(byte[] raw, int from) {
		for (int i = from; i < raw.length - 1; i++) {
			if (raw[i] == '\r' && raw[i + 1] == '\n') {
				return i;
			}
		}
		return raw.length;
	}


}
