package dev.holdfast.risk;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.AccountSuspensions;

/**
 * Suspensions of reveals and exports after a critical alert. Asked on every request by
 * the organisation module (a unique partial index keeps it one index probe), so a
 * suspension takes effect at once on every instance, and so does its lifting.
 */
@Component
class RiskSuspensions implements AccountSuspensions {

	private final JdbcClient jdbc;

	RiskSuspensions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> suspendedPermissions(long employeeId) {
		return active(employeeId).map(Suspension::permissions).orElse(Set.of());
	}

	Optional<Suspension> active(long employeeId) {
		return this.jdbc.sql("""
				select id, permissions, created_at from risk_suspension
				where employee_id = ? and lifted_at is null""")
			.param(employeeId)
			.query((rs, n) -> new Suspension(rs.getLong("id"), strings(rs.getArray("permissions")),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/** Suspends unless a suspension is in force already; whether this one is new. */
	boolean suspend(long employeeId, Collection<String> permissions, long alertId) {
		return this.jdbc.sql("""
				insert into risk_suspension (employee_id, permissions, alert_id) values (?, ?, ?)
				on conflict (employee_id) where lifted_at is null do nothing""")
			.params(employeeId, permissions.toArray(String[]::new), alertId)
			.update() == 1;
	}

	/** Lifts the suspension in force; whether there was one. */
	boolean lift(long employeeId, long by) {
		return this.jdbc.sql("""
				update risk_suspension set lifted_by = ?, lifted_at = now()
				where employee_id = ? and lifted_at is null""").params(by, employeeId).update() == 1;
	}

	private static Set<String> strings(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(Object::toString).collect(Collectors.toUnmodifiableSet());
	}

	/** A suspension in force: what it takes away and since when. */
	record Suspension(long id, Set<String> permissions, Instant since) {
	}

}
