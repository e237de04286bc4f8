package cn.landscape.entity;

/** A closed set of values stored as lower-case text ({@code general}, {@code device-cloud}). */
public interface Keyed {

	/** The stored and answered form. */
	String key();

}
