/**
 * Who is calling: form login with sessions in the database, opaque API tokens, the login
 * lockout, and the per-request refresh of the caller's roles and status.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "audit", "offboarding" })
package dev.holdfast.security;
