package dev.holdfast.dashboard;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.holdfast.customer.CustomerLevel;

/**
 * Settings of the manager dashboard.
 *
 * @param defaultWeeks the period shown when none is asked for
 * @param maxWeeks the longest period one report covers
 * @param careWindow how recent a care visit or a non-owner follow-up must be for a key
 * customer to count as covered
 * @param keyLevels the levels of key customers
 */
@ConfigurationProperties("holdfast.dashboard")
record DashboardProperties(@DefaultValue("8") int defaultWeeks, @DefaultValue("53") int maxWeeks,
		@DefaultValue("90d") Duration careWindow, @DefaultValue( {
				"A", "B" }) List<CustomerLevel> keyLevels){
}
