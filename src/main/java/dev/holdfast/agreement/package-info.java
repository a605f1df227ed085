/**
 * Confidentiality agreements (保密协议) and non-competes: templates with immutable versions,
 * the roles that must accept them, acceptances nobody can edit, the gate that keeps
 * customer data closed until the current version is accepted, and the terms that bind an
 * employee after the last working day.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package dev.holdfast.agreement;
