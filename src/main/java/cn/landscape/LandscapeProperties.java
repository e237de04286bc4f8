package cn.landscape;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the service under the {@code landscape.} prefix; README.md lists each with its
 * environment variable.
 */
@ConfigurationProperties("landscape")
public record LandscapeProperties(@DefaultValue Embedded embedded, @DefaultValue Neo4j neo4j,
		@DefaultValue Seed seed, @DefaultValue Admin admin, @DefaultValue Query query, @DefaultValue Web web) {

	@ConstructorBinding
	public LandscapeProperties {
	}

	/** Without the web settings: their defaults. */
	public LandscapeProperties(Embedded embedded, Neo4j neo4j, Seed seed, Admin admin, Query query) {
		this(embedded, neo4j, seed, admin, query, new Web(""));
	}

	/**
	 * The embedded database. Blank password means one generated at first start and kept in the data
	 * directory; Bolt listens on boltAddress (loopback unless set). Below minFreeSpace on the store's disk a
	 * load does not start, readiness is DOWN and failing requests say the disk is full.
	 */
	public record Embedded(@DefaultValue("7687") int boltPort, @DefaultValue("data/neo4j") Path dataDir,
			@DefaultValue("256m") String pageCache, @DefaultValue("") String password,
			@DefaultValue("127.0.0.1") String boltAddress, @DefaultValue("200MB") DataSize minFreeSpace) {
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

	/**
	 * Blank token disables the admin endpoints. After maxFailures wrong tokens from one address within
	 * lockout, that address is refused for lockout.
	 */
	public record Admin(@DefaultValue("") String token, @DefaultValue("5") int maxFailures,
			@DefaultValue("1m") Duration lockout) {
	}

	/**
	 * publicUrl: the service's address as users reach it (https://graph.example.com), for the absolute
	 * URLs it generates; blank means http://localhost:&lt;port&gt;. Never taken from a request's Host header.
	 */
	public record Web(@DefaultValue("") String publicUrl) {
	}

	public record Query(@DefaultValue("2s") Duration timeout, @DefaultValue("500") int maxRows) {
	}

}
