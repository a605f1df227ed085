package dev.holdfast.imports.job;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.holdfast.imports.store.ImportFiles;

/**
 * On start, an import a stopped process left committing has stopped: it becomes failed,
 * and committing it again resumes after its last finished chunk.
 */
@Component
class AbandonedCommits {

	private static final Logger log = LoggerFactory.getLogger(AbandonedCommits.class);

	private final ImportFiles files;

	AbandonedCommits(ImportFiles files) {
		this.files = files;
	}

	@EventListener(ApplicationReadyEvent.class)
	void failAbandoned() {
		List<Long> failed = this.files.failAbandoned();
		if (!failed.isEmpty()) {
			log.warn("imports {} were left committing by a stopped process; commit them again to resume", failed);
		}
	}

}
