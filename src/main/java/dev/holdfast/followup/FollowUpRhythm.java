package dev.holdfast.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.holdfast.customer.CustomerLevel;

/**
 * How often a customer of each level must be followed up (defaults A: 7 days, B: 15, C:
 * 30, D: no rhythm). A customer is due its interval after its last substantive follow-up,
 * or after it was created (or came to its owner) if it has none.
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

	/**
	 * When a customer is next due: its interval after the later of its last substantive
	 * follow-up and {@code since} (when it was created or came to its owner).
	 */
	public Optional<Instant> dueAt(CustomerLevel level, Instant lastFollowedUpAt, Instant since) {
		Instant from = lastFollowedUpAt == null || (since != null && since.isAfter(lastFollowedUpAt)) ? since
				: lastFollowedUpAt;
		return interval(level).map(from::plus);
	}

}
