package cn.landscape.entity;

import java.util.Locale;

/** How a name is compared: case and spacing do not count. */
public final class Names {

	private Names() {
	}

	/** The lookup key of a name, id or alias, as stored in each node's {@code keys}. */
	public static String normalize(String text) {
		return text == null ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
	}

}
