/**
 * Leak protection: encryption at rest of contact data with Google Tink, the keyed blind
 * index that keeps exact search working, and key rotation with re-encryption; controlled
 * exports with approval, watermarks and per-export canary rows, personal canary customers
 * per salesperson, leak tracing of a suspect file back to its export, requester or
 * salesperson, and risk alerts when a canary is hit. The base package holds what other
 * modules use (the export and canary events, the exports waiting for a decision); the
 * work is in {@code encryption}, {@code export}, {@code canary} and {@code tracing}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "customer", "followup", "audit", "notification" })
package dev.holdfast.protection;
