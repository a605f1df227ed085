package dev.holdfast.risk;

import java.util.OptionalDouble;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Token buckets in PostgreSQL, one per employee and kind of reading, so that a limit
 * holds across instances: a request takes a token in one statement, refilled by the time
 * since the last one.
 */
@Component
class RateBuckets {

	private static final String REFILLED = "least(:capacity, b.tokens + extract(epoch from now() - b.refilled_at) * :rate)";

	private final JdbcClient jdbc;

	RateBuckets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes a token; if none is left, how many seconds until one is (and nothing taken).
	 */
	OptionalDouble take(long employeeId, String kind, double capacity, double perSecond) {
		boolean taken = this.jdbc.sql("""
				insert into risk_rate_bucket as b (employee_id, kind, tokens, refilled_at)
				values (:employee, :kind, :capacity - 1, now())
				on conflict (employee_id, kind) do update
				set tokens = %s - 1, refilled_at = now()
				where %s >= 1""".formatted(REFILLED, REFILLED))
			.param("employee", employeeId)
			.param("kind", kind)
			.param("capacity", capacity)
			.param("rate", perSecond)
			.update() == 1;
		if (taken) {
			return OptionalDouble.empty();
		}
		double tokens = this.jdbc
			.sql("select " + REFILLED + " from risk_rate_bucket b where employee_id = :employee and kind = :kind")
			.param("employee", employeeId)
			.param("kind", kind)
			.param("capacity", capacity)
			.param("rate", perSecond)
			.query(Double.class)
			.single();
		return OptionalDouble.of(Math.max(0, 1 - tokens) / perSecond);
	}

}
