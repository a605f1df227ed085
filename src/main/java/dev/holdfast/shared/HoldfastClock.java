package dev.holdfast.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Date;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The company's clock: one zone ({@code holdfast.zone}, Asia/Shanghai by default) for
 * everything a person reads (pages through {@code #times}, exports, watermarks,
 * notifications, e-mails) and for every day boundary (today, due dates, daily budgets,
 * the nightly jobs), whatever zone the JVM or the database session runs in. Machine
 * fields of the API stay ISO-8601 instants.
 */
@Component
public class HoldfastClock {

	/**
	 * The per-area zone keys that {@code holdfast.zone} replaced; setting one stops the
	 * start.
	 */
	static final List<String> RETIRED_KEYS = List.of("holdfast.protection.reveal.zone", "holdfast.security.access.zone",
			"holdfast.offboarding.zone", "holdfast.care.zone", "holdfast.risk.zone",
			"holdfast.customer.duplicates.zone", "holdfast.followup.reminders.zone", "holdfast.knowhow.zone",
			"holdfast.dashboard.zone", "holdfast.agreement.zone", "holdfast.pool.zone");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final Clock clock;

	@Autowired
	HoldfastClock(ClockProperties properties, Environment environment) {
		this(Clock.system(properties.zone()));
		List<String> retired = RETIRED_KEYS.stream().filter(environment::containsProperty).toList();
		if (!retired.isEmpty()) {
			throw new IllegalStateException("The time zone is one setting now: replace " + String.join(", ", retired)
					+ " with holdfast.zone (HOLDFAST_ZONE)");
		}
	}

	private HoldfastClock(Clock clock) {
		this.clock = clock;
	}

	/** A clock of the given zone, for tests and tools that run without Spring. */
	public static HoldfastClock of(ZoneId zone) {
		return new HoldfastClock(Clock.system(zone));
	}

	/** A fixed clock, for tests. */
	public static HoldfastClock fixed(Instant now, ZoneId zone) {
		return new HoldfastClock(Clock.fixed(now, zone));
	}

	public ZoneId zone() {
		return this.clock.getZone();
	}

	public Clock clock() {
		return this.clock;
	}

	public Instant now() {
		return this.clock.instant();
	}

	/** The company's today. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The company's day of an instant. */
	public LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, zone());
	}

	/** When the company's day begins. */
	public Instant startOf(LocalDate day) {
		return day.atStartOfDay(zone()).toInstant();
	}

	/** When the company's day ends (the start of the next). */
	public Instant endOf(LocalDate day) {
		return startOf(day.plusDays(1));
	}

	/** {@code 2026-12-06 23:15}, in the company's zone; empty for null. */
	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
	}

	/** {@code 2026-12-06}, the company's day of an instant; empty for null. */
	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant.atZone(zone()));
	}

	/**
	 * {@code 2026-12-06 23:15}, or only {@code 2026-12-06} for a value brought in from a
	 * file ({@code fromFile}) that falls exactly on the start of a day in the company's
	 * zone: a spreadsheet's date without a time of day, which Holdfast keeps as that
	 * day's 00:00 (a call truly made at midnight and imported loses its time of day here;
	 * one recorded in Holdfast keeps it). Empty for null.
	 */
	public String dateTime(Instant instant, boolean fromFile) {
		if (instant == null) {
			return "";
		}
		return (fromFile && startOfDay(instant) ? DATE : DATE_TIME).format(instant.atZone(zone()));
	}

	/**
	 * Whether the instant is exactly the start (00:00) of a day in the company's zone.
	 */
	public boolean startOfDay(Instant instant) {
		return instant != null && instant.atZone(zone()).toLocalTime().equals(LocalTime.MIDNIGHT);
	}

	/**
	 * {@code 2026-12-06 23:15:07 (UTC+08:00)}: a local time with its offset, for texts
	 * that leave Holdfast (watermarks), where the reader cannot know the zone.
	 */
	public String stamp(Instant instant) {
		ZonedDateTime local = instant.atZone(zone());
		String offset = local.getOffset().getTotalSeconds() == 0 ? "+00:00" : local.getOffset().getId();
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(local) + " (UTC" + offset + ")";
	}

	/**
	 * A date or time as the pages show it ({@code #times.format(x, 'yyyy-MM-dd HH:mm')}):
	 * instants and offset times in the company's zone, dates and local times as they are;
	 * empty for null.
	 */
	public String format(Object value, String pattern) {
		if (value == null) {
			return "";
		}
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
		return formatter.format(local(value));
	}

	private Temporal local(Object value) {
		if (value instanceof Instant instant) {
			return instant.atZone(zone());
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(zone());
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(zone());
		}
		if (value instanceof java.sql.Date day) {
			return day.toLocalDate();
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(zone());
		}
		if (value instanceof Temporal temporal) {
			return temporal;
		}
		throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
	}

}
