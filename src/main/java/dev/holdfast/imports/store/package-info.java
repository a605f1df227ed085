/**
 * Inside imports: the tables of previewed imports and their rows ({@code import_file},
 * {@code import_row}), a row's cells stored only encrypted by the field cipher.
 */
package dev.holdfast.imports.store;
