package dev.holdfast.agreement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for new agreement versions and the reminder before a post-departure term ends.
 *
 * @param termMonths term after departure when HR gives none (two years)
 * @param graceDays days a new version leaves to accept it, when HR gives none
 * @param reminderLead how long before a term ends HR is reminded
 * @param reminderInterval how often the reminder job wakes up
 */
@ConfigurationProperties("holdfast.agreement")
record AgreementProperties(@DefaultValue("24") int termMonths, @DefaultValue("14") int graceDays,
		@DefaultValue("30d") Duration reminderLead, @DefaultValue("24h") Duration reminderInterval) {
}
