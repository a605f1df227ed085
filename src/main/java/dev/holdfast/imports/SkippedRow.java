package dev.holdfast.imports;

import dev.holdfast.shared.LabelPrefix;

/**
 * A row that is in the file but is not data, and why: a total line under a sheet, or a
 * second header.
 */
public record SkippedRow(long number, Reason reason) {

	/** Why a row was not read as data. */
	@LabelPrefix("imports.skipped")
	public enum Reason {

		/** 合计, 总计, 小计 or Total in the first cells. */
		TOTAL

	}

}
