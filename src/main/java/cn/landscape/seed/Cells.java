package cn.landscape.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a cell's text becomes a value: each parse either gives the value or says why not, never a guess. */
final class Cells {

	private static final Pattern LINK = Pattern.compile("^\\s*\\[([^\\]]+)]\\(([^)\\s]+)\\)\\s*$");

	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

	/** A date with its time, as some sources write it: the date part is kept. */
	private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T]\\d{2}:\\d{2}(:\\d{2})?");

	private Cells() {
	}

	enum Parse {

		TEXT("text"), NUMBER("number"), DATE("date"), BOOLEAN("boolean"), LINK_TEXT("link-text"),
		LINK_URL("link-url"), LOWER("lower");

		private final String key;

		Parse(String key) {
			this.key = key;
		}

		String key() {
			return key;
		}

		static Optional<Parse> fromKey(String key) {
			return key == null ? Optional.of(TEXT)
					: java.util.Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
		}
	}

	/** The value of a non-blank cell, or an empty result with the reason in {@code why}. */
	record Parsed(Object value, String why) {

		boolean ok() {
			return why == null;
		}
	}

	static Parsed parse(String cell, Parse parse) {
		String text = cell.strip();
		return switch (parse) {
			case TEXT -> new Parsed(text, null);
			case LOWER -> new Parsed(text.toLowerCase(Locale.ROOT), null);
			case LINK_TEXT -> {
				Matcher m = LINK.matcher(text);
				yield new Parsed(m.matches() ? m.group(1).strip() : text, null);
			}
			case LINK_URL -> {
				Matcher m = LINK.matcher(text);
				// a name written without a link has no address: no value, and no reason to refuse the row
				yield new Parsed(m.matches() ? m.group(2) : null, null);
			}
			case NUMBER -> number(text);
			case DATE -> date(text);
			case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
				case "y", "yes", "true" -> new Parsed(true, null);
				case "n", "no", "false" -> new Parsed(false, null);
				default -> new Parsed(null, "'" + text + "' is not a yes/no value (Y, N, yes, no, true, false)");
			};
		};
	}

	/** {@code 1.3e11}, {@code 13000000000.00}: a whole number is stored as a long, any other as a double. */
	private static Parsed number(String text) {
		if (!NUMBER.matcher(text).matches()) {
			return new Parsed(null, "'" + text + "' is not a number");
		}
		BigDecimal decimal = new BigDecimal(text);
		try {
			// boxed apart: a conditional of long and double would promote the long to a double
			Object value = decimal.stripTrailingZeros().scale() <= 0 ? (Object) decimal.longValueExact()
					: (Object) decimal.doubleValue();
			return new Parsed(value, null);
		}
		catch (ArithmeticException tooLarge) {
			return new Parsed(decimal.doubleValue(), null);
		}
	}

	private static Parsed date(String text) {
		Matcher withTime = DATE_TIME.matcher(text);
		String date = withTime.matches() ? withTime.group(1) : text;
		return SeedReader.ISO_DATE.matcher(date).matches() ? new Parsed(date, null)
				: new Parsed(null, "'" + text + "' is not an ISO date (2023, 2023-10 or 2023-10-15)");
	}

	/**
	 * The items of a list cell split at any of the characters of {@code separators}, except inside double quotes
	 * ({@code "Acme, Inc"}) and brackets (the text and address of a link); null: the whole cell is one item.
	 */
	static List<String> split(String cell, String separators) {
		List<String> items = new ArrayList<>();
		if (separators == null) {
			items.add(cell.strip());
			return items;
		}
		StringBuilder item = new StringBuilder();
		boolean quoted = false;
		int depth = 0;
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == '[' || c == '(') {
				depth++;
			}
			else if ((c == ']' || c == ')') && depth > 0) {
				depth--;
			}
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && depth == 0 && separators.indexOf(c) >= 0) {
				items.add(item.toString().strip());
				item.setLength(0);
			}
			else {
				item.append(c);
			}
		}
		items.add(item.toString().strip());
		return items.stream().filter(s -> !s.isEmpty()).toList();
	}

}
