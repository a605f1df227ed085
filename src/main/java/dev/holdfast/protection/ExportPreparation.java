package dev.holdfast.protection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.GuardedAction;

/**
 * Prepares export files in the background, as their requester: a request is checked and
 * queued at once ({@link Exports#queue}), its file written on one of two worker threads
 * ({@link Exports#prepare}) while the export page shows its status and progress. A
 * preparation that throws leaves the export FAILED, never half-written.
 */
@Component
class ExportPreparation {

	private static final Logger log = LoggerFactory.getLogger(ExportPreparation.class);

	private final Exports exports;

	private final ExportProgress progress;

	private final ExecutorService workers = Executors.newFixedThreadPool(2, task -> {
		Thread thread = new Thread(task, "export-preparation");
		thread.setDaemon(true);
		return thread;
	});

	ExportPreparation(Exports exports, ExportProgress progress) {
		this.exports = exports;
		this.progress = progress;
	}

	/**
	 * Queues the export and waits for its file at most {@code wait} (null: until it is
	 * done); answers the export as it then stands.
	 */
	ExportView start(ExportForm form, Duration wait) {
		GuardedAction.REQUEST_EXPORT.require();
		ExportRequest request = ExportRequest.of(form);
		long id = this.exports.queue(request);
		CompletableFuture<Void> done = CompletableFuture.runAsync(as(() -> prepare(id, request)), this.workers);
		try {
			if (wait == null) {
				done.get();
			}
			else {
				done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (TimeoutException ex) {
			// still preparing: the page shows its progress
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// prepare() has recorded the failure
		}
		return this.exports.find(id);
	}

	private void prepare(long id, ExportRequest request) {
		try {
			this.progress.preparing(id);
			this.exports.prepare(id, request);
		}
		catch (RuntimeException ex) {
			log.error("Export {} failed", id, ex);
			this.progress.failed(id);
		}
	}

	/** The task with the caller's identity and language. */
	private static Runnable as(Runnable task) {
		SecurityContext security = SecurityContextHolder.createEmptyContext();
		security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		LocaleContext locale = LocaleContextHolder.getLocaleContext();
		return () -> {
			SecurityContextHolder.setContext(security);
			LocaleContextHolder.setLocaleContext(locale);
			try {
				task.run();
			}
			finally {
				SecurityContextHolder.clearContext();
				LocaleContextHolder.resetLocaleContext();
			}
		};
	}

	@PreDestroy
	void stop() {
		this.workers.shutdown();
	}

}
