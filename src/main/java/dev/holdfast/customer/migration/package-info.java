/**
 * Inside customer: the Flyway Java migration that encrypted the contact data written
 * before V9; a Spring bean, which Spring Boot hands to Flyway, so it is found wherever it
 * lives.
 */
package dev.holdfast.customer.migration;
