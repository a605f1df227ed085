package dev.holdfast.imports.web;

import java.util.Arrays;
import java.util.List;

import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.RowVerdict.Verdict;

/**
 * How many rows of an import have one verdict, for the preview's counts and filter.
 */
record VerdictCount(Verdict verdict, long count) {

	/**
	 * One per verdict, in the verdicts' order, but rows not checked for duplicates only
	 * when there are some.
	 * @param unchecked the rows not checked for duplicates, which the view counts among
	 * the invalid ones
	 */
	static List<VerdictCount> of(ImportView view, long unchecked) {
		return Arrays.stream(Verdict.values())
			.map(v -> new VerdictCount(v, count(view, v, unchecked)))
			.filter(c -> c.verdict() != Verdict.UNCHECKED || c.count() > 0)
			.toList();
	}

	private static long count(ImportView view, Verdict verdict, long unchecked) {
		return switch (verdict) {
			case NEW -> view.fresh();
			case SAME_CUSTOMER -> view.sameCustomer();
			case DUPLICATE -> view.duplicates();
			case DUPLICATE_IN_FILE -> view.duplicatesInFile();
			case INVALID -> view.invalid() - unchecked;
			case UNCHECKED -> unchecked;
		};
	}

	/**
	 * Rows the commit will not create: invalid and duplicate ones, or those it skipped.
	 */
	static long refused(ImportView view) {
		return Math.max(view.invalid() + view.duplicates() + view.duplicatesInFile(), view.skipped());
	}

}
