package dev.holdfast.protection.export;

import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each phase of one export's preparation took, logged at DEBUG when it ends
 * ({@code logging.level.dev.holdfast.protection.export.ExportPhases=debug}): what showed
 * where the first export after start spent its extra time.
 */
final class ExportPhases {

	private static final Logger log = LoggerFactory.getLogger(ExportPhases.class);

	private final StringJoiner phases = new StringJoiner(", ");

	private final long start = System.nanoTime();

	private long last = this.start;

	/** Ends the phase running since the previous mark (or the start). */
	void mark(String phase) {
		if (log.isDebugEnabled()) {
			long now = System.nanoTime();
			this.phases.add(phase + " " + (now - this.last) / 1_000_000);
			this.last = now;
		}
	}

	void log(long exportId) {
		if (log.isDebugEnabled()) {
			log.debug("Export {} prepared in {} ms: {}", exportId, (System.nanoTime() - this.start) / 1_000_000,
					this.phases);
		}
	}

}
