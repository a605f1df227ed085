package dev.holdfast.knowhow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The original records a publication is made from, as read (with contact data) just
 * before they are redacted; never stored or returned as they are.
 */
record SourceSequence(Customer customer, List<String> contactNames, Map<String, String> knownValues,
		List<FollowUp> followUps) {

	record Customer(long id, String name, String kind, String level, String industry, String status) {
	}

	record FollowUp(long id, String kind, String content, Instant createdAt) {
	}

}
