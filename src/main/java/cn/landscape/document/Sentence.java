package cn.landscape.document;

/** A sentence of the plain text: its position, its section heading number (if any) and its text. */
record Sentence(int index, int start, int end, String section, String text) {

	boolean overlaps(int from, int to) {
		return from < end && to > start;
	}

}
