package dev.holdfast.security;

import java.time.ZonedDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Optional limits on where and when the holders of a role may log in, e.g. sales only
 * from the office network, or only during working hours (in the company's zone). An
 * employee with several limited roles must satisfy each of them.
 *
 * @param roles the limits per role code
 */
@ConfigurationProperties("holdfast.security.access")
record AccessRules(Map<String, RoleAccess> roles) {

	AccessRules {
		roles = roles == null ? Map.of() : Map.copyOf(roles);
	}

	/**
	 * @param ipRanges addresses or CIDR ranges (IPv4 or IPv6) logins must come from; none
	 * means anywhere
	 * @param hours {@code HH:mm-HH:mm}; empty means any time; a range past midnight
	 * (22:00-06:00) works
	 */
	record RoleAccess(List<String> ipRanges, String hours) {

		RoleAccess {
			ipRanges = ipRanges == null ? List.of() : List.copyOf(ipRanges);
		}

		boolean allowsAddress(String ip) {
			return this.ipRanges.isEmpty() || (ip != null
					&& this.ipRanges.stream().anyMatch(range -> new IpAddressMatcher(range).matches(ip)));
		}

		boolean allowsTime(LocalTime time) {
			if (this.hours == null || this.hours.isBlank()) {
				return true;
			}
			String[] range = this.hours.strip().split("\\s*-\\s*");
			LocalTime from = LocalTime.parse(range[0]);
			LocalTime to = LocalTime.parse(range[1]);
			return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
					: !time.isBefore(from) || time.isBefore(to);
		}

	}

	/** Why a login from this address at this instant is refused: "address" or "hours". */
	Optional<String> refusal(Collection<String> roleCodes, String ip, ZonedDateTime now) {
		LocalTime time = now.toLocalTime();
		for (String role : roleCodes) {
			RoleAccess access = this.roles.get(role);
			if (access != null && !access.allowsAddress(ip)) {
				return Optional.of("address");
			}
			if (access != null && !access.allowsTime(time)) {
				return Optional.of("hours");
			}
		}
		return Optional.empty();
	}

}
