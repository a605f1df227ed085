/**
 * The frame of the web UI: layout, home page, language switching, error pages and the
 * demo company.
 */
@org.springframework.modulith.ApplicationModule
package dev.holdfast.system;
