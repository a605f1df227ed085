package dev.holdfast.care;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The period of a care rhythm a day falls in, as the source key of the visits scheduled
 * for it: {@code 2026-Q4} for a quarterly rhythm, {@code 2026-11} for a monthly one,
 * {@code 2026} for a yearly one, else the first day of the period counted in whole
 * intervals from 1970-01-01 (e.g. {@code 2026-11-02+45d}).
 */
final class RhythmPeriod {

	private RhythmPeriod() {
	}

	static String label(LocalDate day, Duration interval) {
		long days = Math.max(1, interval.toDays());
		if (days == 90 || days == 91 || days == 92) {
			return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
		}
		if (days == 30 || days == 31) {
			return String.format("%d-%02d", day.getYear(), day.getMonthValue());
		}
		if (days == 365) {
			return String.valueOf(day.getYear());
		}
		long epochDay = day.toEpochDay();
		return LocalDate.ofEpochDay(epochDay - Math.floorMod(epochDay, days)) + "+" + days + "d";
	}

}
