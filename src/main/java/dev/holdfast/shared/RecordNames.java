package dev.holdfast.shared;

import java.util.Collection;
import java.util.Map;

/**
 * Names of records for people who read about them elsewhere (the audit trail names its
 * actors and targets). The module that owns a kind of record implements it, so that the
 * name passes the same visibility rule as the record itself: a record the caller may not
 * see is left out, and the reader sees only its kind and number. Most implementations
 * extend {@link SqlRecordNames}.
 */
public interface RecordNames {

	/** The kind of record named, as the audit trail writes it ({@code customer}). */
	String type();

	/** The names of those of these records the caller may see, by id. */
	Map<Long, String> namesOf(Collection<Long> ids);

	/**
	 * Every record of this kind the caller may pick from, by id, for a filter; empty when
	 * there are too many or they are not to be listed.
	 */
	default Map<Long, String> pickList() {
		return Map.of();
	}

	/**
	 * Records of this kind the caller may see whose name contains the text, by id, for a
	 * filter of kinds too large to list; empty where names are not searched.
	 */
	default Map<Long, String> search(String text) {
		return Map.of();
	}

}
