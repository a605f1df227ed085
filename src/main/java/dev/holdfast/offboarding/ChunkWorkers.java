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
 * this worker handled" to a {@link Chunk}; a worker stops when its chunk finds nothing,
 * and all stop at the first failure, which is then rethrown.
 */
final class ChunkWorkers {

	private ChunkWorkers() {
	}

	/**
	 * What one chunk did: rows done, rows skipped, and the last key it handled (where the
	 * worker's next chunk starts).
	 */
	record Chunk(long done, long skipped, long lastKey) {

		boolean empty() {
			return this.done + this.skipped == 0;
		}

	}

	/** Returns the summed rows done and skipped of every chunk (its last key is 0). */
	static Chunk run(int workers, LongFunction<Chunk> chunk) {
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
			// all workers end before the first failure is rethrown: the caller's
			// answer never comes while another worker's chunk still writes
			ExecutionException first = null;
			for (Future<?> worker : running) {
				try {
					worker.get();
				}
				catch (ExecutionException ex) {
					first = (first != null) ? first : ex;
				}
			}
			if (first != null) {
				throw first.getCause() instanceof RuntimeException runtime ? runtime
						: new IllegalStateException(first.getCause());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		finally {
			pool.shutdown();
		}
		return new Chunk(done.get(), skipped.get(), 0);
	}

	private static void work(SecurityContext security, RequestAttributes request, LongFunction<Chunk> chunk,
			AtomicLong done, AtomicLong skipped, AtomicBoolean failed) {
		SecurityContextHolder.setContext(security);
		RequestContextHolder.setRequestAttributes(request);
		try {
			long after = 0;
			while (!failed.get()) {
				Chunk result = chunk.apply(after);
				if (result.empty()) {
					return;
				}
				done.addAndGet(result.done());
				skipped.addAndGet(result.skipped());
				after = result.lastKey();
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
