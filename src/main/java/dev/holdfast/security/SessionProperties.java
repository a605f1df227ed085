package dev.holdfast.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a login lasts: a web session or an API token unused for {@code idleTimeout}
 * ends, and none lasts longer than {@code absoluteTimeout} after the login, however busy.
 */
@ConfigurationProperties("holdfast.security.session")
record SessionProperties(@DefaultValue("4h") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout) {
}
