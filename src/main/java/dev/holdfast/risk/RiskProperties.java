package dev.holdfast.risk;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How unusual activity is scored and what happens then.
 *
 * @param evaluationInterval how often the scheduled evaluation runs, on one instance
 * @param warningScore an indicator this many times above what is expected raises a
 * warning
 * @param criticalScore this many times raises a critical alert, and suspends
 * @param leavingFactor what is expected of an employee serving notice, as a fraction:
 * 0.25 makes every threshold four times tighter
 * @param floors the least activity per window that counts as expected, by indicator
 * (overrides {@link Indicator#floor()}): small numbers are not unusual
 * @param suspend whether a critical alert suspends the employee's permissions
 * @param suspended the permission or guarded-action codes a suspension takes away
 * @param workStartHour first hour of the working day
 * @param workEndHour the hour the working day ends
 * @param rateLimits per-employee budgets for reading customer data
 */
@ConfigurationProperties("holdfast.risk")
record RiskProperties(@DefaultValue("5m") Duration evaluationInterval, @DefaultValue("3") double warningScore,
		@DefaultValue("6") double criticalScore, @DefaultValue("0.25") double leavingFactor,
		@DefaultValue Map<String, Double> floors, @DefaultValue("true") boolean suspend, @DefaultValue( {
				"contact.reveal", "export.request", "contact.phone-email" }) Set<String> suspended,
		@DefaultValue("8") int workStartHour, @DefaultValue("20") int workEndHour, @DefaultValue RateLimits rateLimits){

	/** The expected activity per window below which nothing is unusual. */
	double floor(Indicator indicator) {
		Double configured = this.floors.get(indicator.name());
		return configured != null ? configured : indicator.floor();
	}

	/**
	 * Token buckets per employee, one budget for records and one for rows, shared by the
	 * pages and the API: a burst of {@code capacity}, then {@code perSecond}.
	 *
	 * @param enabled whether reading customer data is limited at all (it is still scored)
	 * @param recordCapacity burst of customer records read: a customer's details, its
	 * contacts, history, follow-ups, members, files, care visits, complaints or rhythm,
	 * one per customer and request
	 * @param recordPerSecond sustained records per second
	 * @param rowCapacity burst of rows of customer data in lists (customers, complaints,
	 * care visits, reminders, the pool)
	 * @param rowPerSecond sustained rows per second
	 * @param leavingFactor the share of each budget left to an employee serving notice
	 */
	record RateLimits(@DefaultValue("true") boolean enabled, @DefaultValue("120") double recordCapacity,
			@DefaultValue("1") double recordPerSecond, @DefaultValue("1000") double rowCapacity,
			@DefaultValue("2") double rowPerSecond, @DefaultValue("0.5") double leavingFactor) {
	}

}
