/**
 * The organisation: departments (a tree), employees, roles, permissions, data scopes and
 * employment status.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package dev.holdfast.organization;
