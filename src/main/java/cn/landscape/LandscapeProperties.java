package cn.landscape;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the service under the {@code landscape.} prefix; README.md lists each with its
 * environment variable.
 */
@ConfigurationProperties("landscape")
public record LandscapeProperties(@DefaultValue Embedded embedded, @DefaultValue Neo4j neo4j,
		@DefaultValue Seed seed, @DefaultValue Admin admin, @DefaultValue Query query) {

	public record Embedded(@DefaultValue("7687") int boltPort, @DefaultValue("data/neo4j") Path dataDir,
			@DefaultValue("256m") String pageCache) {
	}

	/** An external database; blank uri means the embedded one. */
	public record Neo4j(@DefaultValue("") String uri, @DefaultValue("neo4j") String username,
			@DefaultValue("") String password) {

		public boolean external() {
			return uri != null && !uri.isBlank();
		}
	}

	public record Seed(@DefaultValue("graph-seed") Path dir, @DefaultValue("true") boolean loadOnStartup,
			@DefaultValue("2000") int batchSize) {
	}

	/** Blank token disables the admin endpoints. */
	public record Admin(@DefaultValue("") String token) {
	}

	public record Query(@DefaultValue("2s") Duration timeout, @DefaultValue("500") int maxRows) {
	}

}
