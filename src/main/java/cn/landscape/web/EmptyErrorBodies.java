package cn.landscape.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An error status that a handler answers without a body gets a problem: the actuator's 404 for a health
 * component it does not show (or does not have) is such an answer. Written as a map, since the actuator's
 * own JSON mapper may not know ProblemDetail.
 */
@ControllerAdvice
class EmptyErrorBodies implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body != null || !(response instanceof ServletServerHttpResponse servlet)
				|| servlet.getServletResponse().getStatus() < 400) {
			return body;
		}
		int status = servlet.getServletResponse().getStatus();
		String path = request.getURI().getRawPath();
		HttpStatus known = HttpStatus.resolve(status);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "/problems/" + (status == 404 ? "not-found" : "http-" + status));
		problem.put("title", known != null ? known.getReasonPhrase() : "Error");
		problem.put("status", status);
		problem.put("detail", path.startsWith("/actuator/health/") ? healthDetail(path) : TomcatProblems.ProblemReportValve.detail(status, ""));
		problem.put("instance", path);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return problem;
	}

	private static String healthDetail(String path) {
		return "No health component or group '" + path.substring("/actuator/health/".length()) + "' is shown here. "
				+ "Components (diskSpace, embeddedDatabase, …) show only with the admin token, as 'Authorization: Bearer "
				+ "<landscape.admin.token>'; without it GET /actuator/health answers the overall status, and "
				+ "/actuator/health/liveness and /actuator/health/readiness the probes.";
	}

}
