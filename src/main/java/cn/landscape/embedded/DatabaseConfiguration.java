package cn.landscape.embedded;

import java.net.URI;
import java.util.Optional;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.landscape.LandscapeProperties;

/**
 * Chooses the database: the embedded one unless {@code landscape.neo4j.uri} (NEO4J_URI) is set or a
 * test supplies its own connection details. Never falls back from an external URI to embedded.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(Neo4jConnectionDetails.class)
	@ConditionalOnExpression("'${landscape.neo4j.uri:}'.isBlank()")
	EmbeddedNeo4j embeddedNeo4j(LandscapeProperties properties) {
		LandscapeProperties.Embedded embedded = properties.embedded();
		return new EmbeddedNeo4j(embedded.dataDir(), embedded.boltPort(), embedded.pageCache(), embedded.password(),
				embedded.boltAddress(), embedded.minFreeSpace().toBytes());
	}

	/** Boot's disk check watches the working directory; the disk that matters is the store's. */
	@Bean
	@ConditionalOnMissingBean(Neo4jConnectionDetails.class)
	@ConditionalOnExpression("'${landscape.neo4j.uri:}'.isBlank()")
	DiskSpaceHealthIndicator diskSpaceHealthIndicator(EmbeddedNeo4j embedded, LandscapeProperties properties) {
		return new DiskSpaceHealthIndicator(embedded.dataDir().toFile(), properties.embedded().minFreeSpace());
	}

	/**
	 * DOWN once the embedded database stopped after a panic (a full disk): it needs a restart, so liveness
	 * and readiness both include it. Always UP with an external database, whose health is its own.
	 */
	@Bean
	HealthIndicator embeddedDatabase(ObjectProvider<EmbeddedNeo4j> embedded) {
		return () -> embedded.stream()
			.map(EmbeddedNeo4j::failure)
			.flatMap(Optional::stream)
			.findFirst()
			.map(failure -> Health.down().withDetail("error", failure).build())
			.orElseGet(() -> Health.up().build());
	}

	@Bean
	@ConditionalOnMissingBean(Neo4jConnectionDetails.class)
	Neo4jConnectionDetails landscapeConnectionDetails(LandscapeProperties properties,
			ObjectProvider<EmbeddedNeo4j> embedded) {
		LandscapeProperties.Neo4j neo4j = properties.neo4j();
		if (neo4j.external()) {
			AuthToken auth = neo4j.password().isBlank() ? AuthTokens.none()
					: AuthTokens.basic(neo4j.username(), neo4j.password());
			return new Details(URI.create(neo4j.uri()), auth);
		}
		EmbeddedNeo4j db = embedded.getObject();
		return new Details(URI.create(db.boltUri()), AuthTokens.basic(db.username(), db.password()));
	}

	record Details(URI getUri, AuthToken getAuthToken) implements Neo4jConnectionDetails {
	}

}
