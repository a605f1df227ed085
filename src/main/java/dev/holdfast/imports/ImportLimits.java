package dev.holdfast.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an import reads at most, so that no file can exhaust the server.
 *
 * @param maxFileSize the largest file accepted
 * @param maxRows data rows per file (cards of a vCard file)
 * @param maxColumns columns per row
 * @param maxCellLength characters per cell
 * @param maxUnzippedSize what the sheet and shared strings of an XLSX file may inflate to
 * @param minInflateRatio the smallest compressed-to-inflated ratio of any part of an XLSX
 * file (Apache POI's zip-bomb guard, {@code ZipSecureFile}); 0.01 is POI's own
 * @param maxMergedRegions merged cell ranges an XLSX sheet may have
 * @param maxSharedStrings different texts an XLSX file may hold (POI loads them whole)
 */
@ConfigurationProperties("holdfast.imports")
public record ImportLimits(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("200000") int maxRows,
		@DefaultValue("200") int maxColumns, @DefaultValue("10000") int maxCellLength,
		@DefaultValue("512MB") DataSize maxUnzippedSize, @DefaultValue("0.01") double minInflateRatio,
		@DefaultValue("10000") int maxMergedRegions, @DefaultValue("1000000") int maxSharedStrings) {

	/** The defaults above, for code that runs without Spring (fuzzing, tools). */
	public static ImportLimits defaults() {
		return new ImportLimits(DataSize.ofMegabytes(50), 200_000, 200, 10_000, DataSize.ofMegabytes(512), 0.01, 10_000,
				1_000_000);
	}

}
