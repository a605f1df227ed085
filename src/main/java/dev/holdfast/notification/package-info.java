/**
 * Notifications: in-app messages to one employee (the bell in the navigation bar), also
 * sent by e-mail when mail is configured, and the exactly-once bookkeeping of the
 * scheduled jobs that send them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization" })
package dev.holdfast.notification;
