package dev.holdfast.dashboard;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, from {@code from} to {@code to} inclusive, in the company's
 * zone, cut into weeks that start on Monday.
 */
record Period(LocalDate from, LocalDate to, ZoneId zone) {

	Timestamp start() {
		return Timestamp.from(this.from.atStartOfDay(this.zone).toInstant());
	}

	Timestamp end() {
		return Timestamp.from(this.to.plusDays(1).atStartOfDay(this.zone).toInstant());
	}

	/** The Mondays of the weeks the period touches. */
	List<LocalDate> weeks() {
		List<LocalDate> weeks = new ArrayList<>();
		LocalDate monday = this.from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (; !monday.isAfter(this.to); monday = monday.plusWeeks(1)) {
			weeks.add(monday);
		}
		return weeks;
	}

}
