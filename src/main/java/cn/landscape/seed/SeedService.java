package cn.landscape.seed;

import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;

import cn.landscape.LandscapeProperties;

/** Reads, validates and loads graph-seed/: at start-up, from the command line and from the admin call. */
@Service
public class SeedService {

	private static final Log log = LogFactory.getLog(SeedService.class);

	private final LandscapeProperties properties;

	private final SeedLoader loader;

	private final ReentrantLock lock = new ReentrantLock();

	SeedService(LandscapeProperties properties, SeedLoader loader) {
		this.properties = properties;
		this.loader = loader;
	}

	/** Validates everything first: a {@link SeedValidationException} means nothing was written. */
	public LoadReport load(boolean force) {
		SeedModel seed = SeedReader.read(properties.seed().dir());
		seed.warnings().forEach(w -> log.warn("Seed: " + w));
		lock.lock();
		try {
			return loader.load(seed, force);
		}
		finally {
			lock.unlock();
		}
	}

}
