package dev.holdfast.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Moves a demo instant into office hours in the company's zone (Monday to Friday, 09:00
 * to 17:30, so a meeting or a visit is never seeded at night). Order is kept: a weekday
 * is squeezed into its own office hours, a weekend into Friday's last half hour, so the
 * latest follow-up stays the latest.
 */
record DemoWorkingHours(ZoneId zone) {

	static final LocalTime OPENS = LocalTime.of(9, 0);

	private static final Duration WEEKDAY = Duration.ofMinutes(8 * 60 + 30);

	private static final Duration WEEKEND_EVE = Duration.ofMinutes(30);

	Instant within(Instant at) {
		ZonedDateTime local = at.atZone(this.zone);
		LocalDate day = local.toLocalDate();
		long intoDay = Duration.between(day.atStartOfDay(this.zone), local).toSeconds();
		return switch (day.getDayOfWeek()) {
			case SATURDAY, SUNDAY -> {
				LocalDate friday = day.with(java.time.temporal.TemporalAdjusters.previous(DayOfWeek.FRIDAY));
				long intoWeekend = (day.getDayOfWeek() == DayOfWeek.SUNDAY ? 86_400 : 0) + intoDay;
				yield at(friday, WEEKDAY.plusSeconds(intoWeekend * WEEKEND_EVE.toSeconds() / (2 * 86_400)));
			}
			default -> at(day, Duration.ofSeconds(Math.min(intoDay, 86_399) * WEEKDAY.toSeconds() / 86_400));
		};
	}

	private Instant at(LocalDate day, Duration afterOpening) {
		return day.atTime(OPENS).atZone(this.zone).plus(afterOpening).toInstant();
	}

}
