package dev.holdfast.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit sealer ({@link AuditSealer}) runs.
 *
 * @param sealInterval how long the sealer waits between two runs: an event stays unsealed
 * about this long at most
 * @param sealBatch events chained per transaction of the sealer
 */
@ConfigurationProperties("holdfast.audit")
record AuditSealProperties(@DefaultValue("2s") Duration sealInterval, @DefaultValue("1000") int sealBatch) {

	AuditSealProperties {
		if (sealBatch < 1) {
			throw new IllegalArgumentException("holdfast.audit.seal-batch must be at least 1");
		}
	}

}
