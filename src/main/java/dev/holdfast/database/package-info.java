/**
 * The embedded PostgreSQL that runs when no {@code spring.datasource.url} is given: one
 * server per data directory and JVM, started on the persistent data directory
 * ({@code holdfast.embedded-postgres.*}), and the recovery of a server an earlier process
 * left running. It needs no other module, and no module needs it: the rest of the
 * application sees only the {@code DataSource}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.holdfast.database;
