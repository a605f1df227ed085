package dev.holdfast.knowhow;

import java.time.Instant;
import java.util.List;

/**
 * A published sequence in the library's list: what it teaches and what kind of customer
 * it was, never which one.
 *
 * @param descriptor the customer as a description, e.g. 某制造业A级客户
 * @param stage the customer's status when it was published
 * @param kinds the kinds of follow-up in the sequence
 */
public record KnowHowSummary(long id, String title, String lesson, List<String> tags, String descriptor,
		String industry, String level, String stage, List<String> kinds, int steps, Instant publishedAt) {
}
