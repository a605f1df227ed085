/**
 * Inside imports: the error report, an XLSX of every refused row with its reasons.
 */
package dev.holdfast.imports.report;
