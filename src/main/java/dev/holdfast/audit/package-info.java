/**
 * The append-only, hash-chained audit trail of reads, changes, logins and exports; its
 * search and verification.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.holdfast.audit;
