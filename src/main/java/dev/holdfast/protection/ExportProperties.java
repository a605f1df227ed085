package dev.holdfast.protection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param export when an export needs approval, how large it may be and how long its file
 * may be downloaded
 * @param canary the phone and e-mail ranges the company controls, from which canary rows
 * take their contact data
 * @param trace the key of the hashes that fingerprint each export's contents
 */
@ConfigurationProperties("holdfast.protection")
record ExportProperties(@DefaultValue Export export, @DefaultValue Canary canary, @DefaultValue Trace trace) {

	record Export(@DefaultValue("200") int approvalThreshold, @DefaultValue("5000") int maxRows,
			@DefaultValue("24h") Duration ttl) {
	}

	/**
	 * @param phonePrefix the leading digits of an 11-digit mainland mobile range the
	 * company holds; canaries fill in the rest
	 */
	record Canary(@DefaultValue("3") int perExport, @DefaultValue("1700000") String phonePrefix,
			@DefaultValue("mail.holdfast-canary.cn") String emailDomain) {
	}

	record Trace(@DefaultValue("holdfast-default-trace-key-change-me") String key) {
	}

}
