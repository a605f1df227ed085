package dev.holdfast.followup;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.holdfast.customer.CustomerLevel;

/**
 * How often a customer of each level must be followed up (defaults A: 7 days, B: 15, C:
 * 30, D: no rhythm). When a customer is due, and so overdue, is decided by
 * {@link OverdueCustomers} alone.
 *
 * @param intervals the target interval per level; a level without one has no rhythm
 */
@ConfigurationProperties("holdfast.followup.rhythm")
public record FollowUpRhythm(Map<CustomerLevel, Duration> intervals) {

	public FollowUpRhythm {
		if (intervals == null || intervals.isEmpty()) {
			intervals = new EnumMap<>(Map.of(CustomerLevel.A, Duration.ofDays(7), CustomerLevel.B, Duration.ofDays(15),
					CustomerLevel.C, Duration.ofDays(30)));
		}
		intervals = Map.copyOf(intervals);
	}

	/** The interval of a level, empty for a level without rhythm. */
	public Optional<Duration> interval(CustomerLevel level) {
		return Optional.ofNullable(this.intervals.get(level));
	}

}
