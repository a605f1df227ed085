/**
 * Leak protection: encryption at rest of contact data with Google Tink, the keyed blind
 * index that keeps exact search working, and key rotation with re-encryption; controlled
 * exports with approval, watermarks and per-export canary rows, leak tracing of a suspect
 * file back to its export and requester, and alerts when a canary is contacted from
 * outside.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "customer", "followup", "audit" })
package dev.holdfast.protection;
