package dev.holdfast.imports.job;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.holdfast.followup.PastFollowUp;
import dev.holdfast.followup.PastFollowUps;
import dev.holdfast.imports.RowContent;
import dev.holdfast.shared.HoldfastClock;

/**
 * The follow-ups the rows of a chunk carry, recorded as of their day for the customer
 * each row became (or was merged into), written by the importer.
 */
@Component
class PastFollowUpRecords {

	private final PastFollowUps followUps;

	private final HoldfastClock clock;

	PastFollowUpRecords(PastFollowUps followUps, HoldfastClock clock) {
		this.followUps = followUps;
		this.clock = clock;
	}

	/** A row written: the customer, the contacts it got, what it said and since when. */
	record Made(long customerId, List<Long> contactIds, RowContent content, Instant since) {

	}

	void record(CommitTask task, List<Made> made) {
		List<PastFollowUp> past = made.stream()
			.filter(m -> m.content().followUpContent() != null)
			.map(m -> new PastFollowUp(m.customerId(), m.contactIds().isEmpty() ? null : m.contactIds().get(0),
					task.importerId(), CommitTask.kind(m.content().followUpKind()), m.content().followUpContent(),
					m.since(), next(m.content())))
			.toList();
		if (!past.isEmpty()) {
			this.followUps.recordAll(past, task.source());
		}
	}

	private Instant next(RowContent content) {
		return content.nextContactAt() == null ? null : content.nextContactAt().atZone(this.clock.zone()).toInstant();
	}

}
