package dev.holdfast.demo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: demo meetings and visits were seeded at night (00:03, 23:57, 03:35).
 */
class DemoWorkingHoursTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final DemoWorkingHours hours = new DemoWorkingHours(SHANGHAI);

	@Test
	void nightsAndWeekendsMoveIntoOfficeHoursInTheCompanyZone() {
		// Monday 7 December 2026 and the weekend before it
		for (String at : new String[] { "2026-12-07T00:03", "2026-12-07T23:57", "2026-12-07T03:35", "2026-12-07T12:00",
				"2026-12-05T10:00", "2026-12-06T23:59" }) {
			ZonedDateTime moved = moved(at);
			assertThat(moved.getDayOfWeek().getValue()).as(at).isLessThanOrEqualTo(5);
			assertThat(moved.getHour()).as(at).isBetween(9, 17);
		}
		assertThat(moved("2026-12-07T00:03").toLocalTime()).hasToString("09:01:03");
		assertThat(moved("2026-12-06T12:00").toLocalDate()).as("a Sunday moves to Friday").hasToString("2026-12-04");
	}

	@Test
	void theOrderOfTheInstantsIsKept() {
		Instant at = LocalDateTime.parse("2026-11-20T00:00").atZone(SHANGHAI).toInstant();
		Instant previous = this.hours.within(at);
		for (int minutes = 7; minutes < 60 * 24 * 21; minutes += 7) {
			Instant next = this.hours.within(at.plusSeconds(60L * minutes));
			assertThat(next).isAfterOrEqualTo(previous);
			previous = next;
		}
	}

	private ZonedDateTime moved(String local) {
		return this.hours.within(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant()).atZone(SHANGHAI);
	}

}
