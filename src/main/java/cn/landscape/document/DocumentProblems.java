package cn.landscape.document;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems the document endpoints answer: each names what to change. */
final class DocumentProblems {

	private DocumentProblems() {
	}

	static ErrorResponseException of(HttpStatus status, String type, String title, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("/problems/" + type));
		properties.forEach(problem::setProperty);
		return new ErrorResponseException(status, problem, null);
	}

	static ErrorResponseException badField(String field, String detail) {
		return of(HttpStatus.BAD_REQUEST, "bad-document", "Bad document", detail, Map.of("field", field));
	}

}
