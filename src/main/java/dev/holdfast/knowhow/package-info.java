/**
 * Shared know-how (范例库): exemplary follow-up sequences a manager publishes as a copy with
 * every contact detail removed, so that every rep can learn from them.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "customer", "followup", "audit" })
package dev.holdfast.knowhow;
