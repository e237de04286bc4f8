package cn.landscape.document;

/**
 * A sentence of the plain text: its position, the paragraph (line) it belongs to, its section heading
 * number (if any) and its text.
 */
record Sentence(int index, int start, int end, int paragraph, String section, String text) {

	boolean overlaps(int from, int to) {
		return from < end && to > start;
	}

}
