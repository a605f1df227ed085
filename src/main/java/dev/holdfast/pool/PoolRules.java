package dev.holdfast.pool;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.Ownership;
import dev.holdfast.customer.Ownership.Release;
import dev.holdfast.customer.Ownership.Released;

/**
 * Applies the pool rules to every customer at once: the view {@code pool_due} (the one
 * definition of who is due when) is read once; the customers due are returned through
 * customer's {@link Ownership} in one statement (owner cleared, ownership history), get
 * their pool entries here, and the owners of those due within their rule's warning days
 * are warned.
 */
@Component
class PoolRules {

	/** One customer the run returned or whose owner it warned. */
	record Outcome(boolean returned, long customerId, long ownerId, Long poolId, String level) {
	}

	private record Candidate(long customerId, long ownerId, long poolId, Instant dueAt) {
	}

	private final JdbcClient jdbc;

	private final Ownership ownership;

	PoolRules(JdbcClient jdbc, Ownership ownership) {
		this.jdbc = jdbc;
		this.ownership = ownership;
	}

	List<Outcome> apply(Instant now) {
		Timestamp at = Timestamp.from(now);
		List<Candidate> candidates = this.jdbc.sql("""
				select customer_id, owner_id, pool_id, due_at from pool_due
				where due_at <= :now::timestamptz + warn_days * interval '1 day'""")
			.param("now", at)
			.query((rs, row) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant()))
			.list();
		List<Release> due = candidates.stream()
			.filter(c -> !c.dueAt().isAfter(now))
			.map(c -> new Release(c.customerId(), c.ownerId()))
			.toList();
		List<Released> released = this.ownership.releaseAll(due, now, "pool rule", null);
		List<Outcome> outcomes = new ArrayList<>(enter(released, candidates, at));
		outcomes.addAll(warn(candidates.stream().filter(c -> c.dueAt().isAfter(now)).toList(), at));
		return outcomes;
	}

	private List<Outcome> enter(List<Released> released, List<Candidate> candidates, Timestamp at) {
		if (released.isEmpty()) {
			return List.of();
		}
		Map<Long, Candidate> byCustomer = candidates.stream()
			.collect(Collectors.toMap(Candidate::customerId, Function.identity(), (a, b) -> a));
		List<Outcome> outcomes = released.stream()
			.map(r -> new Outcome(true, r.customerId(), r.previousOwnerId(), byCustomer.get(r.customerId()).poolId(),
					r.level().name()))
			.toList();
		this.jdbc.sql("""
				insert into pool_entry (customer_id, pool_id, entered_at, previous_owner_id, reason)
				select id, pool, :now::timestamptz, owner, 'rule'
				from unnest(:ids::bigint[], :pools::bigint[], :owners::bigint[]) as m (id, pool, owner)
				on conflict (customer_id) do update set pool_id = excluded.pool_id, entered_at = excluded.entered_at,
				    previous_owner_id = excluded.previous_owner_id, reason = excluded.reason, left_at = null""")
			.param("now", at)
			.param("ids", outcomes.stream().map(Outcome::customerId).toArray(Long[]::new))
			.param("pools", outcomes.stream().map(Outcome::poolId).toArray(Long[]::new))
			.param("owners", outcomes.stream().map(Outcome::ownerId).toArray(Long[]::new))
			.update();
		return outcomes;
	}

	private List<Outcome> warn(List<Candidate> soon, Timestamp at) {
		if (soon.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				insert into pool_warning (customer_id, owner_id, due_at, warned_at)
				select id, owner, due, :now::timestamptz
				from unnest(:ids::bigint[], :owners::bigint[], :dues::timestamptz[]) as w (id, owner, due)
				on conflict on constraint uq_pool_warning_cycle do nothing
				returning customer_id, owner_id""")
			.param("now", at)
			.param("ids", soon.stream().map(Candidate::customerId).toArray(Long[]::new))
			.param("owners", soon.stream().map(Candidate::ownerId).toArray(Long[]::new))
			.param("dues", soon.stream().map(c -> Timestamp.from(c.dueAt())).toArray(Timestamp[]::new))
			.query((rs, row) -> new Outcome(false, rs.getLong(1), rs.getLong(2), null, null))
			.list();
	}

}
