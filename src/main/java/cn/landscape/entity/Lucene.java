package cn.landscape.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** User text turned into Lucene queries that match it as plain text: no operator in it ever acts. */
public final class Lucene {

	private static final String SPECIAL = "\\+-!():^[]\"{}~*?|&/";

	private Lucene() {
	}

	static String escape(String term) {
		StringBuilder out = new StringBuilder();
		for (char c : term.toCharArray()) {
			if (SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	/** One exact term for the keyword-analysed {@code entity_keys} index. */
	public static String exactKey(String normalized) {
		return "\"" + normalized.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Every word must match; a Latin word also matches as a prefix so that results come as the user types.
	 * Lower-cased so that AND, OR and NOT stay words.
	 */
	public static String searchQuery(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).trim().split("\\s+"))
			.filter(word -> !word.isEmpty())
			.map(word -> {
				String escaped = escape(word);
				return word.matches("[a-z0-9.]+") ? "(" + escaped + " OR " + escaped + "*)" : "(" + escaped + ")";
			})
			.collect(Collectors.joining(" AND "));
	}

}
