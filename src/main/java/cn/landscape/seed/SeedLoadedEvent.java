package cn.landscape.seed;

/** Published after every load that may have changed the graph: what was derived from it is stale. */
/** @param report what the load did; null when it failed part way (some batches may have been written). */
public record SeedLoadedEvent(LoadReport report) {
}
