package cn.landscape.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bench's HTTP client: GET over one kept-alive HTTP/1.1 connection to the service on loopback, the
 * body read whole. Minimal on purpose: java.net.http adds about 0.35 ms of its own to every call
 * (measured on the liveness probe against this client: p50 0.76 vs 0.40 ms), and that is the client's
 * cost, not the service's. Reconnects when the server closes the connection (Tomcat does after 100
 * requests on one connection, or when it has been idle).
 */
final class LoopbackHttp implements AutoCloseable {

	record Response(int status, String body) {
	}

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	LoopbackHttp(int port) {
		this.port = port;
	}

	/** @param path already percent-encoded */
	Response get(String path) {
		byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		try {
			boolean fresh = socket == null;
			if (fresh) {
				connect();
			}
			try {
				return exchange(request);
			}
			catch (EOFException ex) {
				if (fresh) {
					throw ex;
				}
				// The server had closed the kept-alive connection; once more on a new one.
				connect();
				return exchange(request);
			}
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException(ex);
		}
	}

	private Response exchange(byte[] request) throws IOException {
		out.write(request);
		out.flush();
		String statusLine = line();
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		int length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(lower.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
				body.write(in.readNBytes(size));
				line();
			}
			line();
		}
		else if (length > 0) {
			body.write(in.readNBytes(length));
		}
		if (closing) {
			close();
		}
		return new Response(status, body.toString(StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new EOFException("connection closed by the server");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private void connect() throws IOException {
		close();
		socket = new Socket(InetAddress.getLoopbackAddress(), port);
		socket.setTcpNoDelay(true);
		in = new BufferedInputStream(socket.getInputStream());
		out = new BufferedOutputStream(socket.getOutputStream());
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closing a connection that is already gone.
			}
			socket = null;
		}
	}

}
