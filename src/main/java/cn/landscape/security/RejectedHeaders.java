package cn.landscape.security;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A header Spring Security's firewall refuses (a control character, as UTF-8 bytes read as ISO-8859-1 hold)
 * gets its problem here: the default's bare 400 would be forwarded to the error page with the same header,
 * refused again, and leave an empty body. Other refusals (the URL) keep that default, whose error page
 * request passes.
 */
class RejectedHeaders implements RequestRejectedHandler {

	private static final Pattern HEADER = Pattern.compile("the header: \"([!#$%&'*+.^_`|~0-9A-Za-z-]+) \" has a value");

	private final HandlerExceptionResolver problems;

	private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();

	RejectedHeaders(HandlerExceptionResolver problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException, ServletException {
		String message = String.valueOf(rejected.getMessage());
		if (!message.contains("the header")) {
			others.handle(request, response, rejected);
			return;
		}
		Matcher named = HEADER.matcher(message);
		String header = named.find() ? "The header " + named.group(1) : "A header";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, header
				+ " holds a character that is not allowed in a header (a control character; UTF-8 outside ASCII"
				+ " arrives as such). Send header values as printable ASCII: the admin token is the configured"
				+ " landscape.admin.token, as 'Authorization: Bearer <token>'.");
		problem.setTitle("Bad header");
		problem.setType(URI.create("/problems/bad-header"));
		problems.resolveException(request, response, null, new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, rejected));
	}

}
