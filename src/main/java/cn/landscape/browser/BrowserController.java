package cn.landscape.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import cn.landscape.LandscapeProperties;
import cn.landscape.embedded.EmbeddedNeo4j;
import cn.landscape.web.PublicUrl;

/**
 * Opens Neo4j Browser (served from the neo4j-browser jar, see {@link BrowserResources}) already pointed at
 * the graph: /browser/ without parameters redirects to itself with Browser's URL parameters filled in, and
 * the guide gets the service's own address so its links and {@code :style} command work on any port.
 */
@Controller
class BrowserController {

	static final String GUIDE_PATH = "/guide/landscape.html";

	/** The commands Browser takes from its URL (cmd=…&arg=…). */
	private static final Set<String> BROWSER_COMMANDS = Set.of("edit", "play", "guide", "param", "params");

	private final ObjectProvider<EmbeddedNeo4j> embedded;

	private final LandscapeProperties.Neo4j neo4j;

	private final String guide;

	private final PublicUrl publicUrl;

	BrowserController(ObjectProvider<EmbeddedNeo4j> embedded, LandscapeProperties properties, PublicUrl publicUrl) {
		this.embedded = embedded;
		this.neo4j = properties.neo4j();
		this.publicUrl = publicUrl;
		this.guide = read("static" + GUIDE_PATH);
	}

	@GetMapping({ "/browser", "/browser/" })
	String browser(HttpServletRequest request) {
		if (isLoopbackAddress(request.getServerName()) && !publicUrl.configured()) {
			// Browser fetches guides and styles only from hosts on its allowlist, which by default is
			// "guides.neo4j.com, localhost": 127.0.0.1 would lose the guide, so use the name instead.
			return "redirect:" + publicUrl.base() + "/browser/"
					+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		}
		if (request.getParameter("connectURL") != null || request.getParameter("dbms") != null) {
			return "forward:/browser/index.html";
		}
		String base = publicUrl.base();
		// Every value fully percent-encoded: Browser reads a raw '+' (as in neo4j+s://) as a space.
		UriComponentsBuilder target = UriComponentsBuilder.fromPath("/browser/")
			.queryParam("connectURL", encode(connectUrl()))
			.queryParam("preselectAuthMethod", passwordNeeded() ? "NATIVE" : "NO_AUTH");
		String cmd = request.getParameter("cmd");
		String[] args = request.getParameterValues("arg");
		if (cmd != null && BROWSER_COMMANDS.contains(cmd) && args != null) {
			// The page's "Open in Neo4j Browser": its Cypher in the editor (cmd=edit) instead of the guide
			target.queryParam("cmd", cmd);
			for (String arg : args) {
				target.queryParam("arg", encode(arg));
			}
		}
		else {
			target.queryParam("cmd", "guide").queryParam("arg", encode(base + GUIDE_PATH));
		}
		return "redirect:" + target.build(true).toUriString();
	}

	@GetMapping(path = GUIDE_PATH, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	@ResponseBody
	String guide() {
		return guide.replace("{{base}}", publicUrl.base());
	}

	/**
	 * The database the service itself uses, with its user name in the URL (Browser prefills it) but never
	 * the password: the embedded database always has one, an external one when configured.
	 */
	private String connectUrl() {
		if (!neo4j.external()) {
			EmbeddedNeo4j db = embedded.getObject();
			return UriComponentsBuilder.fromUriString(db.boltUri()).userInfo(db.username()).toUriString();
		}
		if (!passwordNeeded()) {
			return neo4j.uri();
		}
		return UriComponentsBuilder.fromUriString(neo4j.uri()).userInfo(neo4j.username()).toUriString();
	}

	private boolean passwordNeeded() {
		return !neo4j.external() || !neo4j.password().isBlank();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static boolean isLoopbackAddress(String host) {
		if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F]*:[0-9a-fA-F:]*]?")) {
			return false;
		}
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String read(String classpathLocation) {
		try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
