package cn.landscape.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;

import cn.landscape.LandscapeProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiProblemsTest {

	private final ApiProblems problems = new ApiProblems(new LandscapeProperties(null, null, null, null,
			new LandscapeProperties.Query(java.time.Duration.ofSeconds(2), 500)),
			new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(cn.landscape.embedded.EmbeddedNeo4j.class));

	@Test
	void error_after_part_of_the_answer_was_sent_is_thrown_on_so_the_download_fails_instead_of_ending_short() throws Exception {
		MockHttpServletResponse sent = new MockHttpServletResponse();
		sent.setCommitted(true);
		var heap = new TransientException("Neo.TransientError.General.OutOfMemoryError", "Java heap space");
		assertThatThrownBy(() -> problems.unexpected(heap, sent)).isSameAs(heap);
		assertThat(sent.getContentAsString()).isEmpty();
	}

	@Test
	void unexpected_error_is_500_without_its_message_or_stack_trace() throws Exception {
		ResponseEntity<ProblemDetail> response = problems.unexpected(new IllegalStateException("secret internals"), new MockHttpServletResponse());
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().getDetail()).doesNotContain("secret internals").doesNotContain("IllegalState");
		assertThat(response.getBody().getProperties()).isNull();
	}

	@Test
	void query_timeout_is_503_that_names_the_setting() throws Exception {
		var timeout = new ClientException("Neo.ClientError.Transaction.TransactionTimedOut", "timed out");
		ResponseEntity<ProblemDetail> response = problems.unexpected(new RuntimeException(timeout), new MockHttpServletResponse());
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getBody().getDetail()).contains("2000 ms").contains("landscape.query.timeout");
	}

	@Test
	void read_whose_commit_the_database_refused_is_503_that_names_the_timeout_not_500() throws Exception {
		// What Spring's transaction manager throws when it rolls back after the driver's commit failed
		var rollback = new IllegalStateException("Transaction must be open, but has already been closed");
		ResponseEntity<ProblemDetail> response = problems.unexpected(rollback, new MockHttpServletResponse());
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getBody().getType()).hasToString("/problems/read-ended");
		assertThat(response.getBody().getDetail()).contains("2000 ms").contains("landscape.query.timeout").contains("Try again");
	}

	@Test
	void database_unavailable_is_503_whether_the_driver_says_so_or_spring_wraps_it() throws Exception {
		var unavailable = new TransientException("Neo.TransientError.General.DatabaseUnavailable",
				"Database 'neo4j' is unavailable.");
		for (Exception ex : List.of(new TransientDataAccessResourceException("unavailable", unavailable),
				new ServiceUnavailableException("Unable to connect"))) {
			ResponseEntity<ProblemDetail> response = problems.unexpected(ex, new MockHttpServletResponse());
			assertThat(response.getStatusCode().value()).as(ex.toString()).isEqualTo(503);
			assertThat(response.getBody().getType()).hasToString("/problems/database-unavailable");
			assertThat(response.getBody().getDetail()).contains("Try again");
		}
	}

	@Test
	void not_found_lists_the_suggestions() {
		ProblemDetail problem = problems.notFound(new NotFoundException("industry", "financ", java.util.List.of("金融 (Finance)")))
			.getBody();
		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getProperties()).containsEntry("suggestions", java.util.List.of("金融 (Finance)"))
			.containsAllEntriesOf(Map.of("ref", "financ"));
	}

}
