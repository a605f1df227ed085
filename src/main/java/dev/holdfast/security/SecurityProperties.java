package dev.holdfast.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token lifetime and the login lockout: after {@code maxFailedLogins} failures for one
 * username within {@code failedLoginWindow}, that username is refused for
 * {@code lockoutDuration}, even with the right password.
 */
@ConfigurationProperties("holdfast.security")
record SecurityProperties(@DefaultValue("12h") Duration tokenLifetime, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration failedLoginWindow, @DefaultValue("15m") Duration lockoutDuration) {
}
