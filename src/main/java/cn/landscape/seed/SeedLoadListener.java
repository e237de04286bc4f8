package cn.landscape.seed;

/** Told after every load that may have changed the graph, so that what was derived from it is dropped. */
public interface SeedLoadListener {

	void seedLoaded();

}
