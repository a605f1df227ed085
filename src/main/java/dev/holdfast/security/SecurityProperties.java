package dev.holdfast.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token lifetime and the login throttle. Failures are counted per canonical username and
 * client address: after {@code maxFailedLogins} within {@code failedLoginWindow}, that
 * username is refused from that address for {@code lockoutDuration}, even with the right
 * password, while its owner still logs in from elsewhere. Only after
 * {@code accountMaxFailedLogins} failures from all addresses together within the window
 * is the username refused for everyone, for {@code accountLockoutDuration} or until an
 * administrator unlocks it.
 */
@ConfigurationProperties("holdfast.security")
record SecurityProperties(@DefaultValue("12h") Duration tokenLifetime, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration failedLoginWindow, @DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("50") int accountMaxFailedLogins, @DefaultValue("1h") Duration accountLockoutDuration,
		@DefaultValue("4") int requestsAtOnce, @DefaultValue("10s") Duration requestWait) {
}
