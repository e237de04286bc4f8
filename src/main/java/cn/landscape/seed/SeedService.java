package cn.landscape.seed;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import cn.landscape.LandscapeProperties;
import cn.landscape.embedded.EmbeddedNeo4j;

/** Reads, validates and loads graph-seed/: at start-up, from the command line and from the admin call. */
@Service
public class SeedService {

	private static final Log log = LogFactory.getLog(SeedService.class);

	private final LandscapeProperties properties;

	private final SeedLoader loader;

	private final ReentrantLock lock = new ReentrantLock();

	/** What the last load made of each open dataset; null before the first load. */
	private volatile List<SourceReport> sources;

	/** The embedded store, whose disk must have room before a load; null with an external database. */
	private EmbeddedNeo4j store;

	SeedService(LandscapeProperties properties, SeedLoader loader) {
		this.properties = properties;
		this.loader = loader;
	}

	@Autowired(required = false)
	void setStore(EmbeddedNeo4j store) {
		this.store = store;
	}

	/** Compares the stored graph with graph-seed/ without writing. */
	public SeedLoader.Integrity check() {
		return loader.check(SeedReader.read(properties.seed().dir()));
	}

	/**
	 * Makes the graph equal graph-seed/. Validates everything first: a {@link SeedValidationException} means
	 * nothing was written.
	 */
	public LoadReport load() {
		SeedModel seed = SeedReader.read(properties.seed().dir());
		seed.warnings().forEach(w -> log.warn("Seed: " + w));
		seed.sources().forEach(r -> log.info("Source %s: %d rows read, %d taken, %d entities created, %d merged, %d skipped, %d conflicts, %d relationships"
			.formatted(r.source(), r.rowsRead(), r.rowsTaken(), r.entitiesCreated(), r.merges().size(), r.skipped().size(),
					r.conflicts().size(), r.relationships())));
		lock.lock();
		try {
			if (store != null) {
				store.ensureFreeSpace("Seed load");
			}
			LoadReport report = loader.load(seed);
			sources = seed.sources();
			return report;
		}
		finally {
			lock.unlock();
		}
	}

	/** The diff of each source's snapshot against the rows the stored graph holds. */
	public List<SourceDiffs.SourceDiff> diff(SourceDiffs diffs) {
		return diffs.diff(SeedReader.read(properties.seed().dir()));
	}

	/** The resolution report of each source: of the last load, or of graph-seed/ as it is when none ran. */
	public List<SourceReport> sources() {
		List<SourceReport> last = sources;
		return last != null ? last : SeedReader.read(properties.seed().dir()).sources();
	}

}
