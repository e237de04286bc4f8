package cn.landscape.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;


import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page the servlet container forwards to (an error raised outside Spring MVC, a 404 under
 * /WEB-INF, a TRACE), and /error asked for directly: always a problem, replacing Boot's
 * BasicErrorController with its own JSON shape and its 500 for a direct request.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Throwable cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
		if (code == null) {
			return ApiProblems.respond(ApiProblems.problem(HttpStatus.NOT_FOUND, "Not found",
					TomcatProblems.ProblemReportValve.detail(404, ""), "not-found"));
		}
		if (ApiProblems.invalidParameter(cause) != null) {
			return ApiProblems.respond(ApiProblems.badEncoding());
		}
		int status = code instanceof Integer i ? i : 500;
		HttpStatus known = HttpStatus.resolve(status);
		HttpStatus resolved = known != null && known.isError() ? known : HttpStatus.INTERNAL_SERVER_ERROR;
		String detail = resolved.is5xxServerError()
				? "The service failed to answer; the error is in its log. Try again, or report it with the request."
				: TomcatProblems.ProblemReportValve.detail(status,
						cause == null ? String.valueOf(request.getAttribute(RequestDispatcher.ERROR_MESSAGE)) : String.valueOf(cause.getMessage()));
		return ApiProblems.respond(ApiProblems.problem(resolved, resolved.getReasonPhrase(), detail,
				resolved.is5xxServerError() ? "internal" : "http-" + resolved.value()));
	}

}
