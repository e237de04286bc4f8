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
		return send(port, method, target, new byte[0], headers);
	}

	/** With a body after the headers, and its Content-Length when there is one. */
	public static Response send(int port, String method, byte[] target, byte[] body, String... headers) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(120_000);
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
			if (body.length > 0) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("Connection: close\r\n\r\n");
			request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			request.writeBytes(body);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.toByteArray());
				out.flush();
			}
			catch (IOException refused) {
				// Tomcat answers an oversized request and closes before reading it all: its answer is still there.
			}
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Response parse(byte[] bytes) throws IOException {
		int end = indexOf(bytes, 0, "\r\n\r\n");
		if (end < 0) {
			throw new IOException("No HTTP response: " + new String(bytes, StandardCharsets.UTF_8));
		}
		String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] raw) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int pos = 0;
		while (pos < raw.length) {
			int lineEnd = indexOf(raw, pos, "\r\n");
			if (lineEnd < 0) {
				break;
			}
			String size = new String(raw, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].strip();
			int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			body.write(raw, lineEnd + 2, Math.min(length, raw.length - lineEnd - 2));
			pos = lineEnd + 2 + length + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] raw, int from, String marker) {
		byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = from; i <= raw.length - m.length; i++) {
			for (int j = 0; j < m.length; j++) {
				if (raw[i + j] != m[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
