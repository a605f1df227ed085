/**
 * Backup, verification and restore of everything Holdfast keeps: every table of its
 * schema (PostgreSQL {@code COPY} over JDBC, one snapshot), the key sets and the
 * attachment files, in one archive encrypted with Tink streaming AEAD. The base package
 * holds the commands ({@code backup --to}, {@code backup --verify}, {@code restore
 * --from}) and the administrators' backups; {@code archive} is the file format,
 * {@code database} the dump and the load, {@code web} the API.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "audit", "protection", "followup", "database" })
package dev.holdfast.backup;
