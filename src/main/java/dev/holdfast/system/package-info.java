/**
 * The frame of the web UI: layout, home page, language switching and error pages.
 */
@org.springframework.modulith.ApplicationModule
package dev.holdfast.system;
