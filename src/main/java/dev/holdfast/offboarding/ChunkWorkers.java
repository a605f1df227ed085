package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Runs chunks of work on a few threads at once, each thread acting for the caller (same
 * employee, same request for the audit trail). A chunk is a function from "the last key
 * this worker handled" to {done, skipped, last key}; a worker stops when its chunk finds
 * nothing, and all stop at the first failure, which is then rethrown.
 */
final class ChunkWorkers {

	private ChunkWorkers() {
	}

	/** Returns the summed {done, skipped} of every chunk. */
	static long[] run(int workers, LongFunction<long[]> chunk) {
		SecurityContext security = SecurityContextHolder.getContext();
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		AtomicLong done = new AtomicLong();
		AtomicLong skipped = new AtomicLong();
		AtomicBoolean failed = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < workers; i++) {
				running.add(pool.submit(() -> work(security, request, chunk, done, skipped, failed)));
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		finally {
			pool.shutdown();
		}
		return new long[] { done.get(), skipped.get() };
	}

	private static void work(SecurityContext security, RequestAttributes request, LongFunction<long[]> chunk,
			AtomicLong done, AtomicLong skipped, AtomicBoolean failed) {
		SecurityContextHolder.setContext(security);
		RequestContextHolder.setRequestAttributes(request);
		try {
			long after = 0;
			while (!failed.get()) {
				long[] result = chunk.apply(after);
				if (result[0] + result[1] == 0) {
					return;
				}
				done.addAndGet(result[0]);
				skipped.addAndGet(result[1]);
				after = result[2];
			}
		}
		catch (RuntimeException ex) {
			failed.set(true);
			throw ex;
		}
		finally {
			SecurityContextHolder.clearContext();
			RequestContextHolder.resetRequestAttributes();
		}
	}

}
