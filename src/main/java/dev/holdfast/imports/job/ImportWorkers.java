package dev.holdfast.imports.job;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.RequestClient;

/**
 * A few threads that commit imports, with a bounded queue: an import runs as its importer
 * (their security context, so their scope and permissions; the client of the request that
 * started it, for the audit trail).
 */
@Component
class ImportWorkers implements DisposableBean {

	private final ThreadPoolExecutor pool;

	ImportWorkers(CommitProperties properties) {
		this.pool = new ThreadPoolExecutor(properties.workers(), properties.workers(), 1, TimeUnit.MINUTES,
				new ArrayBlockingQueue<>(properties.queue()), new CustomizableThreadFactory("import-"));
		this.pool.allowCoreThreadTimeOut(true);
	}

	/**
	 * Runs the task as the caller.
	 * @throws ConflictException when the queue is full
	 */
	void submit(Runnable task) {
		// a copy: the request's own context is cleared when the request ends
		SecurityContext caller = SecurityContextHolder.createEmptyContext();
		caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		try {
			this.pool.execute(new DelegatingSecurityContextRunnable(RequestClient.carriedInto(task), caller));
		}
		catch (RejectedExecutionException ex) {
			throw new ConflictException("imports_busy", "too many imports are being committed; try again shortly");
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.pool.shutdownNow();
		this.pool.awaitTermination(30, TimeUnit.SECONDS);
	}

}
