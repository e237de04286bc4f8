package cn.landscape.embedded;

/** The store's disk is (nearly) full: answered 503 naming the store, or reported at start-up. */
public class LowDiskSpace extends StartupFailure {

	public LowDiskSpace(String message) {
		super(message, "Free space on that disk, or move the store: LANDSCAPE_DATA_DIR=<folder on a disk with room> "
				+ "(landscape.embedded.data-dir); the threshold is LANDSCAPE_MIN_FREE_SPACE (landscape.embedded.min-free-space).",
				null);
	}

}
