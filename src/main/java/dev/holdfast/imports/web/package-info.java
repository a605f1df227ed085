/**
 * Inside imports: the REST API and the page {@code /imports} (upload, preview, mapping,
 * choices, progress, error report, templates). Uploads are saved to a temporary file for
 * one call and deleted after it; every check sits in {@code Imports}.
 */
package dev.holdfast.imports.web;
