package dev.holdfast.audit;

import java.time.Instant;

import dev.holdfast.shared.InvalidInputException;

/**
 * Filters of an audit search; every one may be null. A time lies between the years 1 and
 * 9999 (with a year's slack, so that a day's start in any time zone passes): the database
 * holds no time before 4713 BC nor after 294276 AD, and answered one with an error (500).
 */
public record AuditQuery(Long actorId, String action, String targetType, String targetId, Instant from, Instant to) {

	static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("+10001-01-01T00:00:00Z");

	public AuditQuery {
		requireWithinYears("from", from);
		requireWithinYears("to", to);
	}

	private static void requireWithinYears(String field, Instant time) {
		if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
			throw new InvalidInputException(field, "must be between the years 1 and 9999");
		}
	}

}
