package dev.holdfast.protection.export;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.RequestClient;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.protection.ExportView;

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

	private final AuditTrail audit;

	ExportPreparation(Exports exports, ExportProgress progress, AuditTrail audit) {
		this.exports = exports;
		this.progress = progress;
		this.audit = audit;
	}

	/**
	 * Queues the export and waits for its file at most {@code wait} (null: until it is
	 * done); answers the export as it then stands.
	 */
	ExportView start(ExportForm form, Duration wait) {
		GuardedAction.REQUEST_EXPORT.require();
		long start = System.nanoTime();
		ExportRequest request = ExportRequest.of(form);
		long id = this.exports.queue(request);
		long queued = System.nanoTime();
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
		if (log.isDebugEnabled()) {
			log.debug("Export {} queued in {} ms, answered after {} ms", id, (queued - start) / 1_000_000,
					(System.nanoTime() - start) / 1_000_000);
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
			// the request was checked and queued: that it came to nothing is part of the
			// trail
			this.audit.record(AuditAction.EXPORT_FAILED, "export", id, java.util.Map.of("entity", request.entity(),
					"format", request.format(), "error", ex.getClass().getSimpleName()));
		}
	}

	/**
	 * The task with the caller's identity, language and client address, each read now on
	 * the request's thread: the request may be over (and recycled) before a worker is
	 * free, so nothing may be read from it later (a locale context of the request
	 * resolves its locale from the request when asked).
	 */
	private static Runnable as(Runnable task) {
		SecurityContext security = SecurityContextHolder.createEmptyContext();
		security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		Locale locale = LocaleContextHolder.getLocale();
		Runnable withClient = RequestClient.carriedInto(task);
		return () -> {
			SecurityContextHolder.setContext(security);
			LocaleContextHolder.setLocale(locale);
			try {
				withClient.run();
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
