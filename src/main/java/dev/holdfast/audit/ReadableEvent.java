package dev.holdfast.audit;

import java.time.Instant;
import java.util.List;

/**
 * An audit event in people's words: who (a name where the reader may see it), what (the
 * action's label), to what (a name, or the kind and number of a record the reader may not
 * see), and the details as labelled values.
 */
record ReadableEvent(long id, Instant occurredAt, Long actorId, String actor, String action, String actionLabel,
		String targetType, String targetId, String target, String clientIp, List<Detail> details, String hash) {

	/** One fact of the event. */
	record Detail(String key, String label, String value) {
	}

}
