package cn.landscape.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.landscape.support.HarnessDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The warm-up's requests run with the warm-up timeout, a user's with the query timeout: the same
 * request, whose read transaction outlives a one-second user timeout, fails for a user and succeeds for
 * the warm-up. On the tests' shared harness database.
 */
class QueryWarmupTransactionsTest {

	private static Driver driver;

	private static Neo4jTransactionManager manager;

	@BeforeAll
	static void start() {
		driver = GraphDatabase.driver(HarnessDatabase.get().boltURI(), AuthTokens.none());
		manager = Neo4jTransactionManager.with(driver).build();
		manager.setDefaultTimeout(1);
	}

	@AfterAll
	static void stop() {
		driver.close();
	}

	/**
	 * What a queries class does under @Transactional(readOnly = true): two reads 4 s apart, past the one-second
	 * timeout and Neo4j's check of overdue transactions (every 2 s).
	 */
	private static FilterChain slowRead(AtomicReference<Long> answer) {
		TransactionTemplate readOnly = new TransactionTemplate(manager);
		readOnly.setReadOnly(true);
		Neo4jClient client = Neo4jClient.create(driver);
		return (request, response) -> answer.set(readOnly.execute(status -> {
			client.query("RETURN 1 AS one").fetchAs(Long.class).one();
			try {
				Thread.sleep(4000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return client.query("RETURN 2 AS two").fetchAs(Long.class).one().orElseThrow();
		}));
	}

	private static QueryWarmup.Transactions filter() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("transactionManager", manager));
		return new QueryWarmup.Transactions(Duration.ofSeconds(30), beans.getBeanProvider(PlatformTransactionManager.class));
	}

	@Test
	void warmup_request_outlasts_the_user_query_timeout_that_ends_the_same_request_of_a_user() throws Exception {
		QueryWarmup.Transactions filter = filter();

		AtomicReference<Long> warm = new AtomicReference<>();
		MockHttpServletRequest warmup = new MockHttpServletRequest("GET", "/api/overview");
		warmup.addHeader(QueryWarmup.Transactions.HEADER, filter.token());
		filter.doFilter(warmup, new MockHttpServletResponse(), slowRead(warm));
		assertThat(warm.get()).isEqualTo(2L);

		AtomicReference<Long> user = new AtomicReference<>();
		MockHttpServletRequest someone = new MockHttpServletRequest("GET", "/api/overview");
		someone.addHeader(QueryWarmup.Transactions.HEADER, "guessed");
		assertThatThrownBy(() -> filter.doFilter(someone, new MockHttpServletResponse(), slowRead(user)))
			.hasMessageContaining("TransactionTimedOutClientConfiguration");
		assertThat(user.get()).isNull();
	}

}
