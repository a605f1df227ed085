package dev.holdfast.imports;

import java.util.Locale;
import java.util.Optional;

import dev.holdfast.shared.LabelPrefix;

/**
 * The kinds of file an import reads, known by their extension.
 */
@LabelPrefix("imports.format")
public enum ImportFormat {

	CSV, XLSX, VCARD;

	/**
	 * The format of a file name, by its extension ({@code .csv}, {@code .txt},
	 * {@code .xlsx}, {@code .vcf}).
	 */
	public static Optional<ImportFormat> of(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		String name = fileName.strip().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
			return Optional.of(CSV);
		}
		if (name.endsWith(".xlsx")) {
			return Optional.of(XLSX);
		}
		if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
			return Optional.of(VCARD);
		}
		return Optional.empty();
	}

}
