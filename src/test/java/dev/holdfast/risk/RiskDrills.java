package dev.holdfast.risk;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.Api;

/**
 * What risk tests do: read like a scraper, and pick an instant the schedule is due at.
 */
final class RiskDrills {

	private RiskDrills() {
	}

	/**
	 * Reads the customer's details as fast as the API answers until refused the given
	 * number of times; how many refusals it got (at most 200 requests).
	 */
	static int readUntilRefused(Api api, String token, long customerId, int refusals) {
		int refused = 0;
		for (int i = 0; i < 200 && refused < refusals; i++) {
			if (api.get(token, "/api/v1/customers/" + customerId).status() == 429) {
				refused++;
			}
		}
		return refused;
	}

	/** An instant after the last scheduled evaluation, so that the next one is due. */
	static Instant afterLastRun(JdbcClient jdbc) {
		Instant last = jdbc.sql("select last_run_at from risk_evaluation_run where name = 'scheduled'")
			.query(Timestamp.class)
			.single()
			.toInstant();
		return (last.isAfter(Instant.now()) ? last : Instant.now()).plus(Duration.ofDays(1));
	}

}
