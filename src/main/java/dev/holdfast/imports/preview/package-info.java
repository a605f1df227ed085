/**
 * Inside imports: the preview, which reads a file once, classifies every row (new,
 * duplicate of a customer, duplicate within the file, invalid, unchecked) and stores it.
 */
package dev.holdfast.imports.preview;
