package dev.holdfast.imports.reading;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises the total line people put under a sheet (合计, 总计, 小计, Total): one of the
 * first cells holds nothing but that word.
 */
final class TotalRows {

	private static final Set<String> WORDS = Set.of("合计", "总计", "小计", "共计", "总合计", "合计金额", "total", "totals",
			"subtotal", "grandtotal", "sum");

	private static final int FIRST_CELLS = 3;

	private TotalRows() {
	}

	static boolean isTotal(List<String> cells) {
		for (int i = 0; i < Math.min(FIRST_CELLS, cells.size()); i++) {
			String word = Normalizer.normalize(cells.get(i), Normalizer.Form.NFKC)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[\\s:：]", "");
			if (WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
