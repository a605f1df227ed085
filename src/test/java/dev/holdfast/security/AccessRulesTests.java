package dev.holdfast.security;

import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final AccessRules rules = new AccessRules(
			Map.of("SALES", new AccessRules.RoleAccess(List.of("10.8.0.0/16", "192.168.1.20"), "08:00-20:00"),
					"SERVICE", new AccessRules.RoleAccess(List.of(), "22:00-06:00")));

	private static ZonedDateTime at(String localTime) {
		return java.time.LocalDate.of(2026, 11, 27).atTime(java.time.LocalTime.parse(localTime)).atZone(SHANGHAI);
	}

	@Test
	void aRoleWithoutRulesLogsInFromAnywhereAtAnyTime() {
		assertThat(this.rules.refusal(List.of("SALES_MANAGER"), "203.0.113.9", at("03:00"))).isEmpty();
	}

	@Test
	void addressesMustBeInOneOfTheRanges() {
		assertThat(this.rules.refusal(List.of("SALES"), "10.8.3.4", at("09:00"))).isEmpty();
		assertThat(this.rules.refusal(List.of("SALES"), "192.168.1.20", at("09:00"))).isEmpty();
		assertThat(this.rules.refusal(List.of("SALES"), "192.168.1.21", at("09:00"))).contains("address");
		assertThat(this.rules.refusal(List.of("SALES"), null, at("09:00"))).contains("address");
	}

	@Test
	void hoursAreTheCompanysAndMayRunPastMidnight() {
		assertThat(this.rules.refusal(List.of("SALES"), "10.8.3.4", at("07:59"))).contains("hours");
		assertThat(this.rules.refusal(List.of("SALES"), "10.8.3.4", at("20:00"))).contains("hours");
		assertThat(this.rules.refusal(List.of("SERVICE"), "203.0.113.9", at("23:30"))).isEmpty();
		assertThat(this.rules.refusal(List.of("SERVICE"), "203.0.113.9", at("05:59"))).isEmpty();
		assertThat(this.rules.refusal(List.of("SERVICE"), "203.0.113.9", at("12:00"))).contains("hours");
	}

	@Test
	void everyLimitedRoleMustAllowTheLogin() {
		assertThat(this.rules.refusal(List.of("SALES_MANAGER", "SERVICE"), "10.8.3.4", at("12:00"))).contains("hours");
	}

}
