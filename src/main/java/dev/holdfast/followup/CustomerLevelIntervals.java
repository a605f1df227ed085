package dev.holdfast.followup;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.holdfast.customer.CustomerLevel;

/**
 * The configured rhythm as an SQL {@code values} list of (level, seconds), so that a list
 * of customers is filtered by due date in the database. Levels are enum names and
 * intervals numbers: nothing from a user goes into the SQL.
 */
final class CustomerLevelIntervals {

	private CustomerLevelIntervals() {
	}

	static String values(FollowUpRhythm rhythm) {
		return Arrays.stream(CustomerLevel.values())
			.filter(level -> rhythm.interval(level).isPresent())
			.map(level -> "('" + level.name() + "', " + rhythm.interval(level).get().toSeconds() + ".0)")
			.collect(Collectors.joining(", "));
	}

}
