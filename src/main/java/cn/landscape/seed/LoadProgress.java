package cn.landscape.seed;

import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Says what a load is doing: each phase as it starts (debug), and while a phase runs, how far it got and
 * how fast, at most once per {@link #INTERVAL} (info), so that only long loads print progress.
 */
final class LoadProgress {

private static final Log log = LogFactory.getLog(SeedLoader.class);

	private static final long INTERVAL = TimeUnit.SECONDS.toNanos(10);

	private String phase;

	private long total;

	private long done;

	private long started;

	private long lastLog;

	private boolean reported;

	synchronized void phase(String name, long records) {
		done();
		phase = name;
		total = records;
		done = 0;
		started = lastLog = System.nanoTime();
		reported = false;
		log.debug("Seed load: %s, %,d to go".formatted(name, records));
	}

	synchronized void advance(int count) {
		done += count;
		long now = System.nanoTime();
		if (now - lastLog >= INTERVAL) {
			lastLog = now;
			reported = true;
			log.info("Seed load: %s %,d of %,d (%d%%), %,.0f/s".formatted(phase, done, total,
					total == 0 ? 100 : done * 100 / total, rate(now)));
		}
	}

	/** Ends the current phase: at info when progress was printed for it, else at debug. */
	synchronized void done() {
		if (phase == null) {
			return;
		}
		long now = System.nanoTime();
		String line = "Seed load: %s done, %,d in %.1f s (%,.0f/s)".formatted(phase, done, (now - started) / 1e9,
				rate(now));
		if (reported) {
			log.info(line);
		}
		else {
			log.debug(line);
		}
		phase = null;
	}

	private double rate(long now) {
		return now == started ? 0 : done * 1e9 / (now - started);
	}

}
