package cn.landscape.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A date as precise as the documents give it: a year ({@code 2023}), a month ({@code 2023-05}) or a day
 * ({@code 2023-05-12}). Stored and answered as that ISO text, which also sorts correctly as text.
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {

	private static final Comparator<PartialDate> ORDER = Comparator.comparingInt(PartialDate::year)
		.thenComparing(PartialDate::month, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(PartialDate::day, Comparator.nullsFirst(Comparator.naturalOrder()));

	/** @throws IllegalArgumentException for anything but a real date in one of the three forms. */
	public static PartialDate parse(String text) {
		String t = text == null ? "" : text.strip();
		try {
			if (t.matches("\\d{4}")) {
				return new PartialDate(Integer.parseInt(t), null, null);
			}
			if (t.matches("\\d{4}-\\d{2}")) {
				YearMonth month = YearMonth.parse(t);
				return new PartialDate(month.getYear(), month.getMonthValue(), null);
			}
			if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
				LocalDate day = LocalDate.parse(t);
				return new PartialDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
			}
		}
		catch (DateTimeParseException ex) {
			// falls through to the one message below
		}
		throw new IllegalArgumentException("'" + text + "' is not an ISO date (2023, 2023-05 or 2023-05-12)");
	}

	@JsonValue
	@Override
	public String toString() {
		if (month == null) {
			return "%04d".formatted(year);
		}
		return day == null ? "%04d-%02d".formatted(year, month) : "%04d-%02d-%02d".formatted(year, month, day);
	}

	@Override
	public int compareTo(PartialDate other) {
		return ORDER.compare(this, other);
	}

}
