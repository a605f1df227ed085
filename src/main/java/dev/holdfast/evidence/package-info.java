/**
 * The evidence package of a departure (issue 15, item 2): for one employee and a period,
 * one ZIP a lawyer can use, built by administrators and auditors ({@code evidence.build})
 * from the owners' query APIs (audit, risk, agreement, offboarding), never their tables:
 * a PDF summary with its fonts embedded, the look-back's chart, the matching audit events
 * with their chain hashes and verification, and a manifest of SHA-256 sums. Kept for its
 * builder alone until it expires.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "risk", "agreement",
		"offboarding", "organization", "customer", "watch" })
package dev.holdfast.evidence;
