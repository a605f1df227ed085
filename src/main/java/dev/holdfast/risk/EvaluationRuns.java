package dev.holdfast.risk;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the scheduled evaluation run once per interval across all instances: the one that
 * locks the run row (others skip it, they don't wait) runs, unless another ran within the
 * interval.
 */
@Component
class EvaluationRuns {

	private final JdbcClient jdbc;

	private final RiskProperties properties;

	EvaluationRuns(JdbcClient jdbc, RiskProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Claims the run due at the instant, holding the row lock until the transaction ends;
	 * false if another instance holds it or ran it already.
	 */
	boolean claim(Instant now) {
		Instant last = this.jdbc
			.sql("select last_run_at from risk_evaluation_run where name = 'scheduled' for update skip locked")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		// half an interval: instances whose timers drift apart still run once per
		// interval
		if (last == null || now.isBefore(last.plus(this.properties.evaluationInterval().dividedBy(2)))) {
			return false;
		}
		this.jdbc.sql("update risk_evaluation_run set last_run_at = ? where name = 'scheduled'")
			.param(Timestamp.from(now))
			.update();
		return true;
	}

}
