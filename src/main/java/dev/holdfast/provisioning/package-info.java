/**
 * Provisioning (SCIM 2.0, RFC 7643/7644): identity providers such as Okta and Entra ID
 * create, update and turn off employees at {@code /scim/v2} with a dedicated bearer
 * token; turning an account off starts the immediate termination of offboarding.
 * <p>
 * Setting up a provider: an administrator creates a token with {@code POST
 * /api/v1/scim-tokens {"name": "Entra ID"}} (shown once), and enters
 * {@code https://<holdfast>/scim/v2} as the tenant/base URL and the token as the secret
 * token (Entra) or HTTP header bearer token (Okta). The token acts in the name of that
 * administrator, and stops working when they leave or lose {@code role.manage}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "offboarding", "security", "audit" })
package dev.holdfast.provisioning;
