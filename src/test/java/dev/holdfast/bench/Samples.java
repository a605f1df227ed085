package dev.holdfast.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times of one kind of request, in milliseconds.
 */
final class Samples {

	private final List<Double> millis = new ArrayList<>();

	/** Runs the action once and keeps its time. */
	<T> T time(java.util.function.Supplier<T> action) {
		long started = System.nanoTime();
		T result = action.get();
		this.millis.add((System.nanoTime() - started) / 1e6);
		return result;
	}

	double median() {
		return percentile(50);
	}

	double p95() {
		return percentile(95);
	}

	int size() {
		return this.millis.size();
	}

	/** Nearest-rank percentile. */
	double percentile(int percent) {
		if (this.millis.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.millis);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

}
