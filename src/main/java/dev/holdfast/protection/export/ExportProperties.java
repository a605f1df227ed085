package dev.holdfast.protection.export;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.holdfast.shared.PhoneNumbers;

/**
 * @param export when an export needs approval, how large it may be and how long its file
 * may be downloaded
 * @param canary the phone and e-mail ranges the company controls, from which canary rows
 * take their contact data
 * @param trace the key of the hashes that fingerprint each export's contents
 */
@ConfigurationProperties("holdfast.protection")
public record ExportProperties(@DefaultValue Export export, @DefaultValue Canary canary, @DefaultValue Trace trace) {

	/**
	 * @param warmUp whether to load the export's libraries in the background after start,
	 * so that the first export is as fast as the next ones
	 * @param pageWait how long the export page waits for a file before it shows the
	 * export's status and progress instead
	 * @param maxOpen how many exports one employee may have queued, being prepared or
	 * waiting for approval at once: more would crowd the approvers' lists and the workers
	 */
	record Export(@DefaultValue("200") int approvalThreshold, @DefaultValue("5000") int maxRows,
			@DefaultValue("24h") Duration ttl, @DefaultValue("true") boolean warmUp,
			@DefaultValue("1s") Duration pageWait, @DefaultValue("5") int maxOpen) {
	}

	/**
	 * Where canaries get their phone numbers and e-mail addresses. Both must be ranges
	 * the company controls: numbers it holds (a block of SIM or virtual numbers whose
	 * calls and texts it receives) and domains it has registered, with a mailbox that
	 * takes every address (catch-all), so that whoever contacts a canary reaches the
	 * company and nobody else. The defaults only look like ordinary mainland numbers and
	 * ordinary company domains so that a canary does not stand out; they are not the
	 * company's: replace them before relying on canary hits. Several of each, so that no
	 * single range or domain marks the canaries.
	 *
	 * @param perExport canary rows in each export; never more than it has real rows, and
	 * none in an empty export or one filtered by an exact phone number or e-mail address
	 * @param phoneRanges the leading 3 to 7 digits of 11-digit mainland mobile numbers
	 * ({@code 1391026} → 139 1026 xxxx); canaries fill in the rest. A masked number shows
	 * only its first three and last four digits, so a range of at most 7 digits never
	 * shows its own part
	 * @param emailDomains the domains canary mailboxes are at
	 */
	public record Canary(@DefaultValue("3") int perExport, @DefaultValue( {
			"1391026", "1582173", "1865307", "1352849", "1771034" }) List<String> phoneRanges,
			@DefaultValue({ "hengtai-trading.cn", "ruixinkeji.com.cn", "jiahe-group.cn",
					"xinyuan-tech.cn" }) List<String> emailDomains){

		public Canary {
			if (phoneRanges.isEmpty() || emailDomains.isEmpty()) {
				throw new IllegalArgumentException("holdfast.protection.canary needs phone-ranges and email-domains");
			}
			for (String range : phoneRanges) {
				if (!range.matches("1[3-9]\\d{1,5}")
						|| !PhoneNumbers.isValid(range + "0".repeat(11 - range.length()))) {
					throw new IllegalArgumentException("holdfast.protection.canary.phone-ranges: " + range
							+ " is not the leading 3 to 7 digits of a mainland mobile number");
				}
			}
			for (String domain : emailDomains) {
				if (!domain
					.matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}")) {
					throw new IllegalArgumentException(
							"holdfast.protection.canary.email-domains: " + domain + " is not a domain name");
				}
			}
			phoneRanges = List.copyOf(phoneRanges);
			emailDomains = emailDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
		}

		private static final List<String> PLACEHOLDER_RANGES = List.of("1391026", "1582173", "1865307", "1352849",
				"1771034");

		private static final List<String> PLACEHOLDER_DOMAINS = List.of("hengtai-trading.cn", "ruixinkeji.com.cn",
				"jiahe-group.cn", "xinyuan-tech.cn");

		/** Whether any of the built-in placeholders is still in use. */
		boolean placeholders() {
			return this.phoneRanges.stream().anyMatch(PLACEHOLDER_RANGES::contains)
					|| this.emailDomains.stream().anyMatch(PLACEHOLDER_DOMAINS::contains);
		}

		/** A number in one of the ranges. */
		public String phone(Random random) {
			StringBuilder phone = new StringBuilder(this.phoneRanges.get(random.nextInt(this.phoneRanges.size())));
			while (phone.length() < 11) {
				phone.append(random.nextInt(10));
			}
			return phone.toString();
		}

		/** The mailbox at one of the domains. */
		public String email(Random random, String mailbox) {
			return mailbox + "@" + this.emailDomains.get(random.nextInt(this.emailDomains.size()));
		}

	}

	record Trace(@DefaultValue("holdfast-default-trace-key-change-me") String key) {
	}

}
