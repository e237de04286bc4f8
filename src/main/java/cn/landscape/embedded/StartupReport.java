package cn.landscape.embedded;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One log block, once ready, that says where the database is and where to point a browser. */
@Component
class StartupReport {

	private static final Log log = LogFactory.getLog(StartupReport.class);

	private final ObjectProvider<EmbeddedNeo4j> embedded;

	private final Neo4jConnectionDetails connection;

	StartupReport(ObjectProvider<EmbeddedNeo4j> embedded, Neo4jConnectionDetails connection) {
		this.embedded = embedded;
		this.connection = connection;
	}

	@EventListener
	@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
	void ready(ApplicationReadyEvent event) {
		String base = "http://localhost:"
				+ ((event.getApplicationContext() instanceof WebServerApplicationContext web) ? web.getWebServer().getPort() : 8080);
		EmbeddedNeo4j db = embedded.getIfAvailable();
		String database = db != null ? "embedded Neo4j, store " + db.dataDir() + ", Bolt " + db.boltUri() + ", user "
				+ db.username() + ", password " + db.passwordFile().map(f -> "in " + f).orElse("from LANDSCAPE_NEO4J_PASSWORD")
				: "external Neo4j at " + connection.getUri();
		log.info("""

				----------------------------------------------------------------
				  AI landscape graph is up
				  Database      : %s
				  Page          : %s/
				  API           : %s/api/stats
				  API docs      : %s/swagger-ui.html  (OpenAPI: %s/v3/api-docs)
				  Neo4j Browser : %s/browser/
				  Health        : %s/actuator/health
				----------------------------------------------------------------""".formatted(database, base, base, base,
				base, base, base));
	}

}
