/**
 * Leak protection: encryption at rest of contact data with Google Tink, the keyed blind
 * index that keeps exact search working, and key rotation with re-encryption.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package dev.holdfast.protection;
