package cn.landscape.document;

/** The verbatim quote of a mention or a fact: its sentence, cut to the clauses around it when long. */
final class Quotes {

	static final int LONG = 120;

	private Quotes() {
	}

	/** {@code from} and {@code to} are text offsets inside the sentence. */
	static String around(Sentence s, int from, int to) {
		String t = s.text();
		if (t.length() <= LONG) {
			return t;
		}
		int lo = Math.max(0, from - s.start());
		int hi = Math.min(t.length(), to - s.start());
		int start = lo;
		while (start > 0 && !clauseEnd(t.charAt(start - 1)) && lo - start < 60) {
			start--;
		}
		int end = hi;
		while (end < t.length() && !clauseEnd(t.charAt(end)) && end - hi < 60) {
			end++;
		}
		return t.substring(start, end).strip();
	}

	private static boolean clauseEnd(char c) {
		return c == '，' || c == ',' || c == '：' || c == ':' || c == '。' || c == '；';
	}

}
