package cn.landscape.web;

import java.net.URI;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.neo4j.core.support.RetryExceptionPredicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.landscape.LandscapeProperties;
import cn.landscape.embedded.EmbeddedNeo4j;
import cn.landscape.embedded.LowDiskSpace;

/** Every error as RFC 9457 application/problem+json that says what to change; never a stack trace. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiProblems.class);

	private final LandscapeProperties properties;

	private final ObjectProvider<EmbeddedNeo4j> store;

	ApiProblems(LandscapeProperties properties, ObjectProvider<EmbeddedNeo4j> store) {
		this.properties = properties;
		this.store = store;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), "not-found");
		problem.setProperty("ref", ex.ref());
		problem.setProperty("suggestions", ex.suggestions());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badParameter(BadParameterException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad parameter", ex.getMessage(), "bad-parameter");
		problem.setProperty("parameter", ex.parameter());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> required = ex.getRequiredType();
		String type = required == null ? "value" : required.getSimpleName().toLowerCase();
		String hint = required != null && Number.class.isAssignableFrom(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(required))
				? " (decimal digits only)" : "";
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad parameter",
				"Parameter '" + ex.getName() + "': '" + ex.getValue() + "' is not a valid " + type + hint + ".",
				"bad-parameter");
		problem.setProperty("parameter", ex.getName());
		return respond(problem);
	}

	/** A Bean Validation constraint on a controller parameter: the same problem as {@link BadParameterException}. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ParameterValidationResult first = ex.getParameterValidationResults().getFirst();
		String name = first.getMethodParameter().getParameterName();
		RequestParam param = first.getMethodParameter().getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			name = param.name();
		}
		String message = first.getResolvableErrors().getFirst().getDefaultMessage();
		Object value = first.getArgument();
		if (value != null && !message.contains(", was ")) {
			message += ", was " + value;
		}
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(badParameter(new BadParameterException(name, message)).getBody());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> lowDiskSpace(LowDiskSpace ex) {
		return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Disk full", ex.getMessage() + " " + ex.action(), "disk-full"));
	}

	/**
	 * @throws Exception the same, when part of the answer has been sent (a streamed export): a problem written
	 * after it would end the response as if complete, where the container cuts the connection on an exception
	 * and the client sees the download fail
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletResponse response) throws Exception {
		if (response.isCommitted()) {
			log.error("Request failed after part of its answer was sent; the connection is cut", ex);
			throw ex;
		}
		if (invalidParameter(ex) != null) {
			return respond(badEncoding());
		}
		EmbeddedNeo4j db = store.getIfAvailable();
		if (db != null && db.failure().isPresent()) {
			return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Database stopped", db.failure().get()
					+ ". Free space on that disk if it is full, then restart the service: the next start recovers the store.",
					"database-stopped"));
		}
		if (db != null && db.lowOnSpace()) {
			log.error("Request failed with the store's disk full", ex);
			return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Disk full", "The database's disk is full: "
					+ db.freeSpace() / (1024 * 1024) + " MB free under the store " + db.dataDir()
					+ ". Free space there, or move the store (LANDSCAPE_DATA_DIR, landscape.embedded.data-dir).",
					"disk-full"));
		}
		if (isTimeout(ex)) {
			return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Query timed out",
						"The query ran longer than " + properties.query().timeout().toMillis()
								+ " ms (landscape.query.timeout). Narrow it: a smaller depth, limit or date range.",
						"query-timeout"));
		}
		if (endedBeforeCommit(ex)) {
			log.warn("A read ended before its commit (the cause is logged above by the transaction manager): " + ex);
			return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Read ended by the database",
					"The database ended the read before it was committed, most often because it ran longer than "
							+ properties.query().timeout().toMillis() + " ms (landscape.query.timeout) while the service was"
							+ " busy. Try again; if it fails again, narrow it: a smaller depth, limit or date range.",
					"read-ended"));
		}
		if (isDatabaseUnavailable(ex)) {
			log.warn("Request failed with the database unavailable: " + ex);
			return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
					"The database is not available at the moment (starting, stopping or recovering its store). Try again"
							+ " in a minute; if it stays unavailable, the reason is in the service's log.",
					"database-unavailable"));
		}
		if (isSearchIndexUnavailable(ex)) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "30")
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Search indexes are being built",
						"The search indexes are being built after a load into an empty database. Try again in a minute;"
								+ " a reference of the form kind:id (model:spark) works meanwhile.",
						"indexes-building"));
		}
		log.error("Unexpected error", ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The service failed to answer; the error is in its log. Try again, or report it with the request.",
				"internal"));
	}

	/**
	 * A commit the database refused (a read whose timeout fell between its last row and its commit): Spring's
	 * transaction manager then rolls back a transaction the driver has already closed, and that rollback's
	 * error replaces the commit's. Spring Data Neo4j names the message as retryable (RetryExceptionPredicate).
	 */
	private static boolean endedBeforeCommit(Throwable ex) {
		return ex instanceof IllegalStateException
				&& RetryExceptionPredicate.TRANSACTION_MUST_BE_OPEN_BUT_HAS_ALREADY_BEEN_CLOSED.equals(ex.getMessage());
	}

	private static boolean isTimeout(Throwable ex) {
		return causedBy(ex, neo -> neo.code() != null && neo.code().contains("TransactionTimedOut"));
	}

	/** The driver's DatabaseUnavailable or ServiceUnavailable, also as Spring's TransientDataAccessResourceException wraps it. */
	private static boolean isDatabaseUnavailable(Throwable ex) {
		return causedBy(ex, neo -> neo instanceof ServiceUnavailableException
				|| neo.code() != null && neo.code().endsWith(".DatabaseUnavailable"));
	}

	/** A load into an empty database drops the full-text indexes and builds them afterwards (see SeedLoader). */
	private static boolean isSearchIndexUnavailable(Throwable ex) {
		return causedBy(ex, neo -> neo.getMessage() != null && (neo.getMessage().contains("no such fulltext schema index")
				|| neo.getMessage().contains("is not online")));
	}

	/** Whether a Neo4j error somewhere in the cause chain matches. */
	private static boolean causedBy(Throwable ex, Predicate<Neo4jException> matches) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof Neo4jException neo && matches.test(neo)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Spring's own problems (405, 406, 415 …) are written as problem+json whatever the request accepts: a
	 * preset content type skips the negotiation that leaves a 406 with an empty body.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.createResponseEntity(body, problemHeaders, status, request);
	}

	static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** Tomcat's refusal of a query string that is not valid percent-encoded UTF-8, if that is the cause. */
	static InvalidParameterException invalidParameter(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidParameterException invalid) {
				return invalid;
			}
		}
		return null;
	}

	static ProblemDetail badEncoding() {
		return problem(HttpStatus.BAD_REQUEST, "Bad request",
				"A query parameter is not valid percent-encoded UTF-8 (an invalid sequence such as %FF, %C3%28 or %ZZ). "
						+ TomcatProblems.ProblemReportValve.PERCENT_ENCODE,
				"bad-encoding");
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("/problems/" + type));
		return problem;
	}

}
