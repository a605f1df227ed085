/**
 * Customer service in the company's name (回访): care visits after a handover, assigned to
 * customer service, with their outcome recorded on the customer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "customer", "audit" })
package dev.holdfast.care;
