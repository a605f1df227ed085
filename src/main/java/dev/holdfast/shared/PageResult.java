package dev.holdfast.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as the API returns it:
 * {@code {"items":[...],"page","size","total","totalExact"}}. Pages count from 0. A list
 * too long to count exactly reports a lower bound as its {@code total}, with
 * {@code totalExact} false.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalExact) {

	public PageResult(List<T> items, int page, int size, long total) {
		this(items, page, size, total, true);
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total,
				this.totalExact);
	}

	/**
	 * The number of pages; with a lower bound, at least one more than this page while
	 * this page is full.
	 */
	public int totalPages() {
		int counted = this.size == 0 ? 0 : (int) ((this.total + this.size - 1) / this.size);
		if (this.totalExact || this.size == 0) {
			return counted;
		}
		return Math.max(counted, this.page + (this.items.size() == this.size ? 2 : 1));
	}

}
