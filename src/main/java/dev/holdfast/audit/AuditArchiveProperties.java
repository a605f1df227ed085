package dev.holdfast.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long months of the audit trail stay online ({@link AuditArchive}).
 *
 * @param onlineMonths months kept in the database, the current one included; older ones
 * are archived into the backup store and dropped
 * @param monthsAhead months whose partitions are created ahead of time, after the current
 * one
 */
@ConfigurationProperties("holdfast.audit")
record AuditArchiveProperties(@DefaultValue("13") int onlineMonths, @DefaultValue("2") int monthsAhead) {

	AuditArchiveProperties {
		if (onlineMonths < 2) {
			throw new IllegalArgumentException("holdfast.audit.online-months must be at least 2");
		}
		if (monthsAhead < 1) {
			throw new IllegalArgumentException("holdfast.audit.months-ahead must be at least 1");
		}
	}

}
