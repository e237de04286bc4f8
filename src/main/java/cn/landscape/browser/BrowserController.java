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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import cn.landscape.LandscapeProperties;
import cn.landscape.embedded.EmbeddedNeo4j;

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

	BrowserController(ObjectProvider<EmbeddedNeo4j> embedded, LandscapeProperties properties) {
		this.embedded = embedded;
		this.neo4j = properties.neo4j();
		this.guide = read("static" + GUIDE_PATH);
	}

	@GetMapping({ "/browser", "/browser/" })
	String browser(HttpServletRequest request) {
		if (isLoopbackAddress(request.getServerName())) {
			// Browser fetches guides and styles only from hosts on its allowlist, which by default is
			// "guides.neo4j.com, localhost": 127.0.0.1 would lose the guide, so use the name instead.
			return "redirect:" + ServletUriComponentsBuilder.fromRequest(request).host("localhost").toUriString();
		}
		if (request.getParameter("connectURL") != null || request.getParameter("dbms") != null) {
			return "forward:/browser/index.html";
		}
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
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
		return guide.replace("{{base}}", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
	}

	/**
	 * The database the service itself uses. An external one gets its user name in the URL (Browser
	 * prefills it) but never the password.
	 */
	private String connectUrl() {
		if (!neo4j.external()) {
			return embedded.getObject().boltUri();
		}
		if (!passwordNeeded()) {
			return neo4j.uri();
		}
		return UriComponentsBuilder.fromUriString(neo4j.uri()).userInfo(neo4j.username()).toUriString();
	}

	private boolean passwordNeeded() {
		return neo4j.external() && !neo4j.password().isBlank();
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
