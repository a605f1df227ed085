package dev.holdfast.imports;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What every fuzzed input must respect: it ends within a bounded time and allocates a
 * bounded amount, whatever it holds. Limits are small so a runaway shows at once.
 */
final class FuzzBounds {

	static final ImportLimits LIMITS = new ImportLimits(DataSize.ofMegabytes(1), 2_000, 64, 2_000,
			DataSize.ofMegabytes(16), 0.01, 1_000, 20_000);

	private static final Duration TIME = Duration.ofSeconds(20);

	private static final long ALLOCATION = 512L * 1024 * 1024;

	private FuzzBounds() {
	}

	/**
	 * Runs one input: in time, within the allocation bound; exceptions pass through. An
	 * input over the bound runs once more, since the first use of a class (loaded and,
	 * when fuzzing, instrumented in this thread) allocates far more than reading does.
	 */
	static void run(Callable<?> input) {
		long allocated = measured(input);
		if (allocated >= ALLOCATION) {
			allocated = measured(input);
		}
		assertThat(allocated).as("bytes allocated for one input").isLessThan(ALLOCATION);
	}

	private static long measured(Callable<?> input) {
		return assertTimeoutPreemptively(TIME, () -> {
			com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
			long before = threads.getCurrentThreadAllocatedBytes();
			input.call();
			return threads.getCurrentThreadAllocatedBytes() - before;
		});
	}

}
