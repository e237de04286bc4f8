package cn.landscape.web;

import java.net.URI;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.landscape.LandscapeProperties;

/**
 * The service's own address for the absolute URLs it hands out: landscape.web.public-url, else
 * http://localhost:&lt;port&gt;. Never a request's Host header, which any client can set.
 */
@Component
public class PublicUrl {

	private final String configured;

	private volatile int port = 8080;

	PublicUrl(LandscapeProperties properties) {
		String url = properties.web().publicUrl().strip();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		if (!url.isEmpty()) {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
				throw new IllegalArgumentException("landscape.web.public-url (LANDSCAPE_PUBLIC_URL) must be an http(s) URL "
						+ "such as https://graph.example.com, was '" + url + "'");
			}
		}
		this.configured = url;
	}

	/** For tests and callers outside a running server. */
	public static PublicUrl of(String url) {
		return new PublicUrl(new LandscapeProperties(null, null, null, null, null, new LandscapeProperties.Web(url)));
	}

	@EventListener
	void started(WebServerInitializedEvent event) {
		this.port = event.getWebServer().getPort();
	}

	/** Without a trailing slash. */
	public String base() {
		return configured.isEmpty() ? "http://localhost:" + port : configured;
	}

	/** Whether the operator configured it (else the base is a local address). */
	public boolean configured() {
		return !configured.isEmpty();
	}

}
