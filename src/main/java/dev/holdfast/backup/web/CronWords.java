package dev.holdfast.backup.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The backup schedule ({@code holdfast.backup.cron}, Spring's six fields: second minute
 * hour day-of-month month weekday) in words for the page: "daily at 03:00", "weekly on
 * Sunday at 02:30", in the company's zone; any other form is labelled "by the cron
 * expression" (the page shows the expression after the words in any case).
 */
final class CronWords {

	private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY, "WED",
			DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY, "SUN",
			DayOfWeek.SUNDAY);

	private CronWords() {
	}

	static String describe(String cron, MessageSource messages, Locale locale) {
		List<String> fields = List.of(cron.trim().split("\\s+"));
		if (fields.size() == 6 && fields.get(0).matches("0{1,2}") && number(fields.get(1), 59)
				&& number(fields.get(2), 23) && any(fields.get(3)) && fields.get(4).equals("*")) {
			String time = "%02d:%02d".formatted(Integer.parseInt(fields.get(2)), Integer.parseInt(fields.get(1)));
			if (any(fields.get(5))) {
				return messages.getMessage("backups.cron.daily", new Object[] { time }, locale);
			}
			DayOfWeek day = day(fields.get(5));
			if (day != null) {
				return messages.getMessage("backups.cron.weekly",
						new Object[] { day.getDisplayName(TextStyle.FULL, locale), time }, locale);
			}
		}
		return messages.getMessage("backups.cron.other", null, locale);
	}

	private static boolean number(String field, int max) {
		return field.matches("[0-9]{1,2}") && Integer.parseInt(field) <= max;
	}

	private static boolean any(String field) {
		return field.equals("*") || field.equals("?");
	}

	/** A single weekday: 0–7 (0 and 7 Sunday) or its three letters. */
	private static DayOfWeek day(String field) {
		if (field.matches("[0-7]")) {
			int day = Integer.parseInt(field);
			return (day == 0 || day == 7) ? DayOfWeek.SUNDAY : DayOfWeek.of(day);
		}
		return DAYS.get(field.toUpperCase(Locale.ROOT));
	}

}
