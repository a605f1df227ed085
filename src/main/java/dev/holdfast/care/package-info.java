/**
 * Customer service in the company's name (回访): care visits after a handover, on a rhythm
 * per level, after a complaint or by hand, assigned to customer service; complaints
 * tracked to closure; care coverage of key customers and key-account teams for managers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "customer",
		"followup", "audit", "notification", "offboarding" })
package dev.holdfast.care;
