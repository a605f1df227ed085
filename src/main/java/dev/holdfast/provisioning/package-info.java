/**
 * Provisioning (SCIM 2.0, RFC 7643/7644): identity providers such as Okta and Entra ID
 * create, update and turn off employees at {@code /scim/v2} with a dedicated bearer
 * token; turning an account off starts the immediate termination of offboarding.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "offboarding", "security", "audit" })
package dev.holdfast.provisioning;
