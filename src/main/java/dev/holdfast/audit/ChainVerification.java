package dev.holdfast.audit;

/**
 * The result of walking the chain: {@code ok} with the number of events checked, or the
 * first broken event.
 */
public record ChainVerification(boolean ok, long checked, Long brokenEventId, String problem) {

	static ChainVerification intact(long checked) {
		return new ChainVerification(true, checked, null, null);
	}

	/** A problem that is no single event's: an archive missing, altered or cut short. */
	static ChainVerification failed(long checked, String problem) {
		return new ChainVerification(false, checked, null, problem);
	}

	static ChainVerification broken(long checked, long eventId, String problem) {
		return new ChainVerification(false, checked, eventId, problem);
	}

}
