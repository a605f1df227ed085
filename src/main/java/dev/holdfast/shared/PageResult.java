package dev.holdfast.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as the API returns it:
 * {@code {"items":[...],"page","size","total"}}. Pages count from 0.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

	public int totalPages() {
		return this.size == 0 ? 0 : (int) ((this.total + this.size - 1) / this.size);
	}

}
