package dev.holdfast.imports.web;

import java.util.Arrays;
import java.util.List;

import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.RowVerdict;

/**
 * How many rows of an import have one verdict, for the preview's filter.
 */
record VerdictCount(RowVerdict.Verdict verdict, long count) {

	/** One per verdict, in the verdicts' order. */
	static List<VerdictCount> of(ImportView view) {
		return Arrays.stream(RowVerdict.Verdict.values()).map(v -> new VerdictCount(v, count(view, v))).toList();
	}

	private static long count(ImportView view, RowVerdict.Verdict verdict) {
		return switch (verdict.name()) {
			case "NEW" -> view.fresh();
			case "DUPLICATE" -> view.duplicates();
			case "DUPLICATE_IN_FILE" -> view.duplicatesInFile();
			case "INVALID" -> view.invalid();
			default -> 0;
		};
	}

	/**
	 * Rows the commit will not create: invalid and duplicate ones, or those it skipped.
	 */
	static long refused(ImportView view) {
		return Math.max(view.invalid() + view.duplicates() + view.duplicatesInFile(), view.skipped());
	}

}
