package dev.holdfast.pool;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the pool rules to every customer at once: one statement returns the customers
 * that are due (owner cleared, ownership history, pool entry) and warns the owners of
 * those due within their rule's warning days. The view {@code pool_due} says who is due
 * when; it is read once.
 */
@Component
class PoolRules {

	/** The statement, public to the benchmark's raw-SQL twin through the test package. */
	static final String APPLY = """
			with candidate as materialized (
			    select * from pool_due where due_at <= :now::timestamptz + warn_days * interval '1 day'),
			moved as (
			    update customer c set owner_id = null, version = c.version + 1, updated_at = now(), updated_by = null
			    from candidate d where d.due_at <= :now::timestamptz and c.id = d.customer_id and c.owner_id = d.owner_id
			    returning c.id, d.owner_id, d.pool_id, d.level),
			history as (
			    insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_at, changed_by,
			                                        reason, kind)
			    select id, owner_id, null, :now::timestamptz, null, 'pool rule', 'POOL_RETURN' from moved),
			entered as (
			    insert into pool_entry (customer_id, pool_id, entered_at, previous_owner_id, reason)
			    select id, pool_id, :now::timestamptz, owner_id, 'rule' from moved
			    on conflict (customer_id) do update set pool_id = excluded.pool_id, entered_at = excluded.entered_at,
			        previous_owner_id = excluded.previous_owner_id, reason = excluded.reason, left_at = null),
			warned as (
			    insert into pool_warning (customer_id, owner_id, due_at, warned_at)
			    select customer_id, owner_id, due_at, :now::timestamptz from candidate where due_at > :now::timestamptz
			    on conflict on constraint uq_pool_warning_cycle do nothing
			    returning customer_id, owner_id)
			select 'RETURNED' as what, id as customer_id, owner_id, pool_id, level from moved
			union all
			select 'WARNED', customer_id, owner_id, null, null from warned""";

	/** One customer the run returned or whose owner it warned. */
	record Outcome(boolean returned, long customerId, long ownerId, Long poolId, String level) {
	}

	private final JdbcClient jdbc;

	PoolRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Outcome> apply(Instant now) {
		return this.jdbc.sql(APPLY)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Outcome("RETURNED".equals(rs.getString("what")), rs.getLong("customer_id"),
					rs.getLong("owner_id"), rs.getObject("pool_id", Long.class), rs.getString("level")))
			.list();
	}

}
