package dev.holdfast.pool;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxOwned a rep who owns this many customers (not archived) may not claim or be
 * assigned another
 * @param maxClaimsPerDay claims per rep per calendar day in {@code holdfast.zone}
 * @param reclaimCooldown how long after a customer was returned from its owner that owner
 * may not claim it back
 * @param cron when the nightly job runs, in {@code holdfast.zone} ("-" switches it off)
 * @param auditBatch per-customer audit events written per batch by the nightly job
 */
@ConfigurationProperties("holdfast.pool")
record PoolProperties(@DefaultValue("300") int maxOwned, @DefaultValue("10") int maxClaimsPerDay,
		@DefaultValue("30d") Duration reclaimCooldown, @DefaultValue("0 30 2 * * *") String cron,
		@DefaultValue("10000") int auditBatch) {
}
