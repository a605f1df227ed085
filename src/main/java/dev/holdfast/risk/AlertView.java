package dev.holdfast.risk;

import java.math.BigDecimal;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A risk alert about an employee: which indicator, how far above what was expected
 * ({@code score} = {@code observed} / {@code expected}), and whether someone has seen it.
 * A {@code CANARY_HIT} alert has no baseline: {@code observed} counts the hits and
 * {@code details} (JSON) says which canary was hit and how ({@link #canary()}).
 */
public record AlertView(long id, long employeeId, String displayName, String indicator, String severity,
		BigDecimal score, BigDecimal observed, BigDecimal expected, String status, Instant createdAt, Instant updatedAt,
		String details) {

	/**
	 * What {@code details} says of a canary hit, for a page to put in words; null for an
	 * alert without them (another indicator's details, e.g. the post-departure watch's
	 * count of customers).
	 */
	public Canary canary() {
		if (this.details == null) {
			return null;
		}
		try {
			JsonNode facts = JsonMapper.shared().readTree(this.details);
			if (!facts.has("canary")) {
				return null;
			}
			String target = facts.has("exportId") ? "export" : "customer";
			return new Canary(facts.path("canary").asString(""), facts.path("channel").asString(""), target,
					facts.path(target + "Id").asLong(0), facts.path("hits").size());
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * A canary hit in facts: {@code kind} export or personal, {@code channel} phone,
	 * email or reveal, {@code target} export or customer with its id, how many hits.
	 */
	public record Canary(String kind, String channel, String target, long targetId, int hits) {
	}

}
