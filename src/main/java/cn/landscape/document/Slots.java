package cn.landscape.document;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence with every name replaced by a slot token, so that trigger patterns are written over names
 * and words alike (as Stanford's TokensRegex does over tokens). A slot is {@code OPEN index:kind CLOSE}.
 */
final class Slots {

	static final char OPEN = '\uE000';

	static final char CLOSE = '\uE001';

	private static final Pattern SLOT = Pattern.compile("\\{(from|to|any):([a-z|]+)}");

	/** A gap of a few characters that crosses no other name and no sentence end. */
	private static final String GAP = "[^" + OPEN + "。；;！？!?]{0,24}?";

	/** A longer gap that may cross other names. */
	private static final String LONG_GAP = "[^。；;！？!?]{0,48}?";

	private Slots() {
	}

	/** The template's slots as named groups holding the item's index; {@code ~} and {@code ~~} as gaps. */
	static String compile(String template) {
		Matcher m = SLOT.matcher(template.replace("~~", "\u0000").replace("~", GAP).replace("\u0000", LONG_GAP));
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String group = m.group(1).equals("any") ? "" : "?<" + m.group(1) + ">";
			m.appendReplacement(out, Matcher.quoteReplacement(
					OPEN + "(" + group + "\\d+):(?:" + m.group(2) + ")" + CLOSE));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * The sentence text with each span (sentence offsets, sorted, not overlapping) replaced by its slot;
	 * {@code at[i]} receives where slot i starts and ends in the result.
	 */
	static String shadow(String text, List<int[]> spans, List<String> kinds, int[][] at) {
		StringBuilder out = new StringBuilder(text.length());
		int from = 0;
		for (int i = 0; i < spans.size(); i++) {
			int[] span = spans.get(i);
			out.append(text, from, span[0]);
			int start = out.length();
			out.append(OPEN).append(i).append(':').append(kinds.get(i)).append(CLOSE);
			at[i] = new int[] { start, out.length() };
			from = span[1];
		}
		return out.append(text.substring(from)).toString();
	}

}
