package dev.holdfast.imports.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportStatus;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.ProblemTexts;
import dev.holdfast.imports.store.ImportFiles;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.PhoneNumbers;

/**
 * Starts and runs commits: the import is marked committing (one commit at a time: a
 * second is refused, as is committing a committed import), then a worker runs its chunks,
 * each in a transaction, until no row is left, and marks it committed, audited with its
 * counts. A chunk that fails rolls back alone and the import stops as failed; committing
 * it again resumes with the rows not yet done.
 */
@Component
public class Commits {

	private static final Logger log = LoggerFactory.getLogger(Commits.class);

	private final ImportFiles files;

	private final CommitChunk chunk;

	private final ImportWorkers workers;

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	private final CommitProperties properties;

	private final HoldfastClock clock;

	private final ProblemTexts texts;

	Commits(ImportFiles files, CommitChunk chunk, ImportWorkers workers, TransactionTemplate transaction,
			AuditTrail audit, CommitProperties properties, HoldfastClock clock, ProblemTexts texts) {
		this.texts = texts;
		this.files = files;
		this.chunk = chunk;
		this.workers = workers;
		this.transaction = transaction;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Marks the import committing and hands it to a worker, which runs as the caller.
	 * @throws ConflictException when it is committing or committed already
	 */
	public void start(long importId, long importerId, ImportChoices choices) {
		ImportView view = this.transaction.execute(status -> {
			ImportView locked = this.files.lock(importId).orElseThrow().view();
			if (locked.status() == ImportStatus.COMMITTING || locked.status() == ImportStatus.COMMITTED) {
				throw new ConflictException("import_" + locked.status().name().toLowerCase(java.util.Locale.ROOT),
						(locked.status() == ImportStatus.COMMITTING) ? "the import is committing already"
								: "the import is committed already");
			}
			this.files.committing(importId, choices);
			return locked;
		});
		CommitTask task = new CommitTask(importId, importerId, view.mapping(), choices,
				this.texts.headerLabels(view.format(), view.header().names(), LocaleContextHolder.getLocale()));
		try {
			this.workers.submit(() -> run(task));
		}
		catch (ConflictException ex) {
			this.files.ended(importId, ImportStatus.FAILED, this.clock.now());
			throw ex;
		}
	}

	void run(CommitTask task) {
		try {
			long after = 0;
			while (true) {
				long from = after;
				CommitChunk.Done done;
				try {
					done = this.transaction.execute(
							status -> PhoneNumbers.once(() -> this.chunk.run(task, from, this.properties.chunkSize())));
				}
				catch (RowTaken ex) {
					this.transaction
						.executeWithoutResult(status -> ex.rows().forEach(row -> this.chunk.skip(task, row)));
					continue;
				}
				if (done.lastId() == 0) {
					break;
				}
				after = done.lastId();
			}
			this.transaction.executeWithoutResult(status -> finish(task));
		}
		catch (RuntimeException ex) {
			log.error("import {} stopped; committing it again resumes it", task.importId(), ex);
			this.transaction.executeWithoutResult(status -> {
				this.files.ended(task.importId(), ImportStatus.FAILED, this.clock.now());
				// a commit that stops leaves a trace beside the customers it created
				this.audit.record(AuditAction.IMPORT_FAILED, "import", task.importId(),
						Map.of("reason", ex.getClass().getSimpleName()));
			});
		}
	}

	private void finish(CommitTask task) {
		this.files.ended(task.importId(), ImportStatus.COMMITTED, this.clock.now());
		ImportView view = this.files.find(task.importId()).orElseThrow().view();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("rows", view.rows());
		facts.put("created", view.created());
		facts.put("merged", view.merged());
		facts.put("skipped", view.skipped());
		facts.put("duplicates", task.choices().duplicates().name());
		facts.put("owner", task.choices().owner().name());
		if (task.choices().ownerId() != null) {
			facts.put("ownerId", task.choices().ownerId());
		}
		this.audit.record(AuditAction.IMPORT_COMMITTED, "import", task.importId(), facts);
	}

}
