package cn.landscape.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Requests Tomcat rejects before any servlet sees them (a raw non-ASCII byte in the URL, a NUL or CR, an
 * encoded '/' in a path, a request line or header over the size limit) get a problem too: Tomcat's own
 * error report, HTML by default, is replaced by one that writes application/problem+json.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblems {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/** Instantiated by Tomcat by its class name. */
	public static class ProblemReportValve extends ErrorReportValve {

		static final String PERCENT_ENCODE = "Characters outside ASCII in a URL must be percent-encoded as UTF-8: "
				+ "curl does it with -G and --data-urlencode, as in curl -G http://localhost:8080/api/search "
				+ "--data-urlencode 'q=星火'.";

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			Throwable cause = throwable != null ? throwable
					: request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
			HttpStatus known = HttpStatus.resolve(status);
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "/problems/" + (status == 400 ? "bad-request" : "http-" + status));
			problem.put("title", known != null ? known.getReasonPhrase() : "Error");
			problem.put("status", status);
			problem.put("detail", detail(status, cause == null ? "" : String.valueOf(cause.getMessage())));
			try {
				response.resetBuffer();
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(JsonMapper.shared().writeValueAsString(problem));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response is already out: nothing left to tell it
			}
		}

		/** What to change, from what Tomcat says went wrong (its messages name the part of the request). */
		static String detail(int status, String message) {
			String m = message.toLowerCase(java.util.Locale.ROOT);
			if (m.contains("request target") || m.contains("invalid character")) {
				return "The request line holds a character that is not allowed there. " + PERCENT_ENCODE;
			}
			if (m.contains("too large") || status == 431 || status == 414) {
				return "The request line or a header is too long (server.max-http-request-header-size). Send "
						+ "shorter parameters; search text is at most 200 characters.";
			}
			if (status == 400) {
				return "The request is malformed: a URL must be percent-encoded UTF-8, without control characters "
						+ "(NUL, CR, LF), without an encoded '/' (%2F) or '\\' (%5C) inside a path segment, and "
						+ "with valid %XX sequences. " + PERCENT_ENCODE;
			}
			if (status == 404) {
				return "Nothing is served at this path. The API is listed at /swagger-ui.html.";
			}
			if (status == 405) {
				return "This method is not allowed here. The API answers GET, and POST on the admin endpoints.";
			}
			return "The request could not be served (HTTP " + status + ").";
		}

	}

}
