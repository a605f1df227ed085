/**
 * Follow-ups (跟进记录): every recorded interaction with a customer, never deleted, editable
 * only briefly by its author, visible exactly when the customer is.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "customer", "organization", "audit", "notification" })
package dev.holdfast.followup;
