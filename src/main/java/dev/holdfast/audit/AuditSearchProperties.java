package dev.holdfast.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit search counts: a total above {@code exactTotalLimit} is reported as that
 * lower bound ({@code "total":10000,"totalExact":false}, shown as "10,000+"), because a
 * search without a date range would otherwise count every online month.
 *
 * @param exactTotalLimit the most events a search counts
 */
@ConfigurationProperties("holdfast.audit.search")
record AuditSearchProperties(@DefaultValue("10000") int exactTotalLimit) {

	AuditSearchProperties {
		if (exactTotalLimit < 1) {
			throw new IllegalArgumentException("holdfast.audit.search.exact-total-limit must be at least 1");
		}
	}

}
