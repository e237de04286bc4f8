package cn.landscape.seed;

/** What a load did. A second load of the same seed reports only unchanged. */
public record LoadReport(Counts nodes, Counts relationships, long millis) {

	public record Counts(long created, long updated, long unchanged, long removed) {

		Counts plus(Counts other) {
			return new Counts(created + other.created, updated + other.updated, unchanged + other.unchanged,
					removed + other.removed);
		}

		public long total() {
			return created + updated + unchanged;
		}

		/** Created, updated or removed: what the load had to write. */
		public long written() {
			return created + updated + removed;
		}
	}

	public boolean changedNothing() {
		return nodes.written() + relationships.written() == 0;
	}

	public double perSecond() {
		return millis == 0 ? 0 : (nodes.total() + relationships.total()) * 1000.0 / millis;
	}

	@Override
	public String toString() {
		return "nodes created=%d updated=%d unchanged=%d removed=%d; relationships created=%d updated=%d unchanged=%d removed=%d; %d ms%s"
			.formatted(nodes.created(), nodes.updated(), nodes.unchanged(), nodes.removed(), relationships.created(),
					relationships.updated(), relationships.unchanged(), relationships.removed(), millis,
					changedNothing() ? " (no change)" : "");
	}

}
