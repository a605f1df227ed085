package dev.holdfast.pool;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.HoldfastClock;

/**
 * The caps on taking customers from a pool: customers owned per rep, claims per company
 * day, and the cooldown before a previous owner may claim a customer back. Checked under
 * a per-rep lock, so that two claims by one rep at once can't both pass the last place.
 */
@Component
class ClaimLimits {

	private final JdbcClient jdbc;

	private final PoolProperties properties;

	private final HoldfastClock clock;

	ClaimLimits(JdbcClient jdbc, PoolProperties properties, HoldfastClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	void lockFor(long employeeId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('pool-claim:' || ?, 0))")
			.param(employeeId)
			.query(Object.class)
			.single();
	}

	void requireRoomFor(long employeeId) {
		long owned = this.jdbc.sql("select count(*) from customer where owner_id = ? and archived_at is null")
			.param(employeeId)
			.query(Long.class)
			.single();
		if (owned >= this.properties.maxOwned()) {
			throw new ConflictException("claim_cap", "the rep owns " + owned + " customers, the most allowed",
					Map.of("max", this.properties.maxOwned()));
		}
	}

	void requireDailyRoom(long employeeId, Instant now) {
		Instant dayStart = LocalDate.ofInstant(now, this.clock.zone()).atStartOfDay(this.clock.zone()).toInstant();
		long today = this.jdbc.sql("""
				select count(*) from customer_owner_history
				where new_owner_id = ? and kind = 'CLAIM' and changed_at >= ?""")
			.params(employeeId, Timestamp.from(dayStart))
			.query(Long.class)
			.single();
		if (today >= this.properties.maxClaimsPerDay()) {
			throw new ConflictException("claim_daily_limit", "no more claims today",
					Map.of("max", this.properties.maxClaimsPerDay()));
		}
	}

	void requireCooledDown(long customerId, long employeeId, Instant now) {
		Timestamp lost = this.jdbc.sql("""
				select changed_at from customer_owner_history
				where customer_id = ? and old_owner_id = ? and kind = 'POOL_RETURN'
				order by changed_at desc limit 1""")
			.params(customerId, employeeId)
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		if (lost != null) {
			Instant until = lost.toInstant().plus(this.properties.reclaimCooldown());
			if (now.isBefore(until)) {
				throw new ConflictException("claim_cooldown",
						"this customer was returned from you recently; you may claim it back later",
						Map.of("until", until.toString()));
			}
		}
	}

}
