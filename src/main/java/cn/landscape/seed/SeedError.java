package cn.landscape.seed;

/** One problem in graph-seed/, located by file, record and field. */
public record SeedError(String file, String record, String field, String message) {

	@Override
	public String toString() {
		return file + " " + record + (field == null ? "" : " field '" + field + "'") + ": " + message;
	}

}
