/**
 * Moving in (issue 13): reads customers, contacts and follow-ups from spreadsheets (XLSX,
 * CSV in UTF-8 or GBK/GB18030) and phones' contact exports (vCard), streaming and within
 * limits, maps their columns to Holdfast's fields in Chinese and English, remembers the
 * importer's corrections per file layout, and builds the downloadable templates. The
 * readers are in {@code reading}, the mapping rules and their table in {@code mapping},
 * the templates in {@code template}, the API and the page in {@code web}; this package is
 * the module's API.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "audit", "customer", "followup", "organization" })
package dev.holdfast.imports;
