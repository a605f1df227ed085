package dev.holdfast.risk;

import java.time.Duration;
import java.time.ZoneId;
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
 * @param zone the company's time zone, for working hours
 * @param workStartHour first hour of the working day
 * @param workEndHour the hour the working day ends
 * @param rateLimits per-employee limits on reading customers
 */
@ConfigurationProperties("holdfast.risk")
record RiskProperties(@DefaultValue("5m") Duration evaluationInterval, @DefaultValue("3") double warningScore,
		@DefaultValue("6") double criticalScore, @DefaultValue("0.25") double leavingFactor,
		@DefaultValue Map<String, Double> floors, @DefaultValue("true") boolean suspend, @DefaultValue( {
				"contact.reveal", "export.request", "contact.phone-email" }) Set<String> suspended,
		@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("8") int workStartHour,
		@DefaultValue("20") int workEndHour, @DefaultValue RateLimits rateLimits){

	/** The expected activity per window below which nothing is unusual. */
	double floor(Indicator indicator) {
		Double configured = this.floors.get(indicator.name());
		return configured != null ? configured : indicator.floor();
	}

	/**
	 * Token buckets per employee: a burst of {@code capacity} requests, then
	 * {@code perSecond}.
	 *
	 * @param enabled whether reading customers is limited at all
	 * @param detailCapacity burst of customer detail views (page or API)
	 * @param detailPerSecond sustained customer detail views per second
	 * @param listCapacity burst of customer list pages (page or API)
	 * @param listPerSecond sustained list pages per second
	 * @param leavingFactor the share of each limit left to an employee serving notice
	 */
	record RateLimits(@DefaultValue("true") boolean enabled, @DefaultValue("120") double detailCapacity,
			@DefaultValue("1") double detailPerSecond, @DefaultValue("60") double listCapacity,
			@DefaultValue("0.5") double listPerSecond, @DefaultValue("0.5") double leavingFactor) {
	}

}
