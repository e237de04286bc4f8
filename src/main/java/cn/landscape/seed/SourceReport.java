package cn.landscape.seed;

import java.util.List;

/**
 * What one load made of a source: rows read and taken, entities created, every merge with the rule or curator
 * line behind it, what was skipped and why, and the properties on which it disagrees with another source.
 */
public record SourceReport(String source, String title, String licence, String attribution, String url,
		String snapshotDate, String snapshotCommit, int rowsRead, int rowsTaken, int entitiesCreated,
		int relationships, List<Merge> merges, List<Skip> skipped, List<Conflict> conflicts) {

	/** A source's name that resolved to an entity another row, source or the seed already has. */
	public record Merge(String name, String into, String rule) {
	}

	/** A row, or a fact of a row, left out: where, and why. */
	public record Skip(String where, String reason) {
	}

	/** A property whose values differ: every value given, the leading one first. */
	public record Conflict(String entity, String property, List<String> values) {
	}

}
