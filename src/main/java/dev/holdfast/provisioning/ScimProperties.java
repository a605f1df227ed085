package dev.holdfast.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SCIM provisioning settings. Tokens are normally created by administrators through
 * {@code /api/v1/scim-tokens}; one token may also come from the configuration.
 *
 * @param token a SCIM token given by configuration (at least 32 characters), or empty for
 * none
 * @param actingUsername the administrator in whose name the configured token's changes
 * are made and audited; the token is refused unless this account exists, may log in and
 * holds {@code role.manage}
 * @param maxResults the most users one list answer holds
 */
@ConfigurationProperties("holdfast.scim")
record ScimProperties(@DefaultValue("") String token, @DefaultValue("admin") String actingUsername,
		@DefaultValue("100") int maxResults) {
}
