package cn.landscape.database;

import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.cache.autoconfigure.CacheProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

import cn.landscape.LandscapeProperties;

/**
 * How the features reach the database: Spring-managed transactions (the queries classes are
 * {@code @Transactional(readOnly = true)}, so a cluster routes them to readers) with the query timeout as
 * the default, the seed loader's bookmarks handed to every transaction (a read after a load sees the load,
 * on a cluster too), and caches (Caffeine, spring.cache.* in application.properties) that every seed load empties
 * ({@link CacheEviction}), bounded by the weight of their answers where the spec says maximumWeight
 * ({@link AnswerWeigher}).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class DataConfiguration {

	/** The driver-level manager; the seed loader's sessions take it as a bean. */
	@Bean
	BookmarkManager bookmarkManager() {
		return BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());
	}

	/** A spec with maximumWeight weighs each answer in kB of heap; one with maximumSize counts entries. */
	@Bean
	CacheManagerCustomizer<CaffeineCacheManager> answerWeights(CacheProperties properties) {
		return manager -> {
			String spec = properties.getCaffeine().getSpec();
			if (spec != null && spec.contains("maximumWeight")) {
				manager.setCaffeine(Caffeine.from(spec).weigher(new AnswerWeigher()));
			}
		};
	}

	@Bean
	Neo4jTransactionManager transactionManager(Driver driver, DatabaseSelectionProvider databases,
			BookmarkManager bookmarks, LandscapeProperties properties,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		Neo4jTransactionManager manager = Neo4jTransactionManager.with(driver)
			.withDatabaseSelectionProvider(databases)
			.withBookmarkManager(Neo4jBookmarkManager.create(bookmarks::getBookmarks))
			.build();
		manager.setDefaultTimeout(Math.max(1, (int) properties.query().timeout().toSeconds()));
		customizers.ifAvailable(c -> c.customize(manager));
		return manager;
	}

}
