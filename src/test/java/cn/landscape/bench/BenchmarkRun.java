package cn.landscape.bench;

import org.junit.jupiter.api.Test;

/**
 * The full benchmark as a test so that Maven runs it in a forked JVM on the toolchain JDK: only the
 * {@code bench} profile includes it ({@code mvn -B -Pbench test -Dbench.sizes=10000,100000,1000000}).
 * Settings come from {@code bench.*} system properties; see BENCHMARKS.md.
 */
class BenchmarkRun {

	@Test
	void run() {
		Bench.main(new String[0]);
	}

}
