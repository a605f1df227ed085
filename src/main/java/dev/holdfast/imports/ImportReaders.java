package dev.holdfast.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import dev.holdfast.imports.reading.CsvReader;
import dev.holdfast.imports.reading.VcardReader;
import dev.holdfast.imports.reading.XlsxReader;

/**
 * Opens an uploaded file for reading, row by row, within {@link ImportLimits}. The file
 * stays on disk (XLSX needs random access to its parts); nothing holds it whole.
 */
@Component
public class ImportReaders {

	private final ImportLimits limits;

	public ImportReaders(ImportLimits limits) {
		this.limits = limits;
	}

	/**
	 * The file's rows, its format known by the name it was uploaded with.
	 * @throws ImportRefusedException for an unknown format, a file beyond the limits or
	 * one that cannot be read
	 */
	public ImportTable open(Path file, String fileName) {
		ImportFormat format = ImportFormat.of(fileName)
			.orElseThrow(() -> new ImportRefusedException("is not an XLSX, CSV or vCard (.vcf) file"));
		return open(file, format, this.limits);
	}

	/** The same without Spring, for tools and fuzzing. */
	public static ImportTable open(Path file, ImportFormat format, ImportLimits limits) {
		try {
			long size = Files.size(file);
			if (size == 0) {
				throw new ImportRefusedException("is empty");
			}
			if (size > limits.maxFileSize().toBytes()) {
				throw new ImportRefusedException("is larger than " + limits.maxFileSize().toMegabytes() + " MB");
			}
			if (format == ImportFormat.XLSX) {
				return XlsxReader.open(file, limits);
			}
			InputStream in = Files.newInputStream(file);
			try {
				return (format == ImportFormat.CSV) ? CsvReader.open(in, limits) : VcardReader.open(in, limits);
			}
			catch (RuntimeException ex) {
				in.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new ImportRefusedException("could not be read");
		}
	}

}
