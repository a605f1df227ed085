package dev.holdfast.offboarding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxCustomersPerOwner a colleague who owns this many customers is not proposed as
 * a new owner
 * @param chunkSize customers handed over per transaction: a crash loses at most one
 * chunk's work, which the next run redoes
 * @param workers chunks handed over at once, each on its own connection
 * @param departureCheck how often the last-working-day job looks for cases that are due
 * @param resumeAfter a handover that made no progress for this long with customers left
 * is taken up by that job: the instance running it died
 */
@ConfigurationProperties("holdfast.offboarding")
record OffboardingProperties(@DefaultValue("300") int maxCustomersPerOwner, @DefaultValue("5000") int chunkSize,
		@DefaultValue("2") int workers, @DefaultValue("60s") Duration departureCheck,
		@DefaultValue("2m") Duration resumeAfter) {
}
