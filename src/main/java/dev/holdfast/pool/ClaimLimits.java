package dev.holdfast.pool;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.OwnerChangeKind;
import dev.holdfast.customer.Ownership;
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

	private final Ownership ownership;

	ClaimLimits(JdbcClient jdbc, PoolProperties properties, HoldfastClock clock, Ownership ownership) {
		this.ownership = ownership;
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
		long owned = this.ownership.ownedCount(employeeId);
		if (owned >= this.properties.maxOwned()) {
			throw new ConflictException("claim_cap", "the rep owns " + owned + " customers, the most allowed",
					Map.of("max", this.properties.maxOwned()));
		}
	}

	void requireDailyRoom(long employeeId, Instant now) {
		Instant dayStart = LocalDate.ofInstant(now, this.clock.zone()).atStartOfDay(this.clock.zone()).toInstant();
		long today = this.ownership.receivedSince(employeeId, OwnerChangeKind.CLAIM, dayStart);
		if (today >= this.properties.maxClaimsPerDay()) {
			throw new ConflictException("claim_daily_limit", "no more claims today",
					Map.of("max", this.properties.maxClaimsPerDay()));
		}
	}

	void requireCooledDown(long customerId, long employeeId, Instant now) {
		Instant lost = this.ownership.lastLost(customerId, employeeId, OwnerChangeKind.POOL_RETURN).orElse(null);
		if (lost != null) {
			Instant until = lost.plus(this.properties.reclaimCooldown());
			if (now.isBefore(until)) {
				throw new ConflictException("claim_cooldown",
						"this customer was returned from you recently; you may claim it back later",
						Map.of("until", until.toString()));
			}
		}
	}

}
