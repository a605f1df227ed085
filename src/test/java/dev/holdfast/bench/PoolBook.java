package dev.holdfast.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pool benchmark's data and its raw-SQL twin of the nightly job. The book: customers
 * of every level spread over 200 reps in 10 departments (the first two with pools of
 * their own and a stricter rule for C), created and come to their owner up to 120 days
 * ago, half of them with a substantive follow-up in the last 25 days, 5% won, 1% locked.
 */
final class PoolBook {

	/** The due customers, for the printed plan. */
	static final String DUE_PLAN = "select count(*) from pool_due where due_at <= now() + warn_days * interval '1 day'";

	private PoolBook() {
	}

	static void generate(JdbcClient jdbc, int customers) {
		List<Long> departments = jdbc.sql("""
				insert into department (name) select '公海基准部门' || g from generate_series(1, 10) g returning id""")
			.query(Long.class)
			.list();
		for (long department : departments.subList(0, 2)) {
			long pool = jdbc.sql("insert into pool (name, department_id) values ('部门公海' || ?, ?) returning id")
				.params(department, department)
				.query(Long.class)
				.single();
			jdbc.sql("""
					insert into pool_rule (pool_id, level, return_after_days, no_progress_days, warn_days)
					values (?, 'C', 10, 45, 2)""").param(pool).update();
		}
		List<Long> reps = jdbc.sql("""
				insert into employee (username, display_name, department_id)
				select 'poolbench' || g, '基准销售' || g, (:departments::bigint[])[1 + g % 10]
				from generate_series(1, 200) g returning id""")
			.param("departments", departments.toArray(Long[]::new))
			.query(Long.class)
			.list();
		jdbc.sql("""
				insert into customer (name, normalized_name, kind, level, owner_id, status, created_at,
				                      status_changed_at, last_followed_up_at)
				select '公海基准客户' || g, '公海基准客户' || g, 'PERSON', (array['A','B','C','D'])[1 + g % 4],
				       (:reps::bigint[])[1 + g % 200], case when g % 20 = 0 then 'WON' else 'FOLLOWING' end,
				       now() - make_interval(days => g % 120), now() - make_interval(days => g % 120),
				       case when g % 2 = 0 then now() - make_interval(days => g % 25) end
				from generate_series(1, :count) g""")
			.param("reps", reps.toArray(Long[]::new))
			.param("count", customers)
			.update();
		jdbc.sql("""
				insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_at, reason, kind)
				select id, null, owner_id, created_at, 'created', 'CREATED' from customer
				where name like '公海基准客户%'""").update();
		jdbc.sql("""
				insert into customer_lock (customer_id, reason, locked_by)
				select id, '重点跟进', owner_id from customer where name like '公海基准客户%' and id % 100 = 0""").update();
	}

	/**
	 * The nightly job's work by hand: the due customers into a temporary table, then one
	 * UPDATE and three INSERTs; {returned, warned}.
	 */
	static long[] rawSql(JdbcClient jdbc, Instant now) {
		Timestamp at = Timestamp.from(now);
		jdbc.sql(
				"""
						create temporary table due on commit drop as
						with recursive up (department_id, ancestor_id, depth) as (
						    select id, id, 0 from department
						    union all
						    select u.department_id, d.parent_id, u.depth + 1 from up u join department d on d.id = u.ancestor_id
						    where d.parent_id is not null),
						department_pool as (
						    select distinct on (u.department_id) u.department_id, p.id as pool_id
						    from up u join pool p on p.department_id = u.ancestor_id and p.active
						    order by u.department_id, u.depth),
						latest as (select customer_id, max(changed_at) as at from customer_owner_history group by customer_id),
						rule as (
						    select distinct on (p.id, r.level) p.id as pool_id, r.level, r.return_after_days,
						         r.no_progress_days, r.warn_days, r.active
						    from pool p join pool_rule r on r.pool_id = p.id or r.pool_id = (select id from pool where company_wide)
						    where p.active order by p.id, r.level, (r.pool_id = p.id) desc)
						select c.id, c.owner_id, r.pool_id,
						       least(greatest(l.at, c.created_at, c.last_followed_up_at) + r.return_after_days * interval '1 day',
						             greatest(l.at, c.created_at, c.status_changed_at) + r.no_progress_days * interval '1 day')
						           as due_at, r.warn_days
						from customer c
						join employee e on e.id = c.owner_id
						left join department_pool dp on dp.department_id = e.department_id
						join rule r on r.pool_id = coalesce(dp.pool_id, (select id from pool where company_wide))
						           and r.level = c.level and r.active
						left join latest l on l.customer_id = c.id
						where c.archived_at is null and c.status <> 'WON'
						  and not exists (select 1 from customer_lock k where k.customer_id = c.id and k.released_at is null)""")
			.update();
		jdbc.sql("delete from due where due_at is null or due_at > ?::timestamptz + warn_days * interval '1 day'")
			.param(at)
			.update();
		long returned = jdbc.sql("""
				update customer c set owner_id = null, version = c.version + 1, updated_at = now()
				from due d where d.due_at <= ? and c.id = d.id and c.owner_id = d.owner_id""").param(at).update();
		jdbc.sql("""
				insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_at, reason, kind)
				select id, owner_id, null, ?, 'pool rule', 'POOL_RETURN' from due where due_at <= ?""")
			.params(at, at)
			.update();
		jdbc.sql("""
				insert into pool_entry (customer_id, pool_id, entered_at, previous_owner_id, reason)
				select id, pool_id, ?, owner_id, 'rule' from due where due_at <= ?
				on conflict (customer_id) do update set pool_id = excluded.pool_id, entered_at = excluded.entered_at,
				    previous_owner_id = excluded.previous_owner_id, left_at = null""").params(at, at).update();
		long warned = jdbc.sql("""
				insert into pool_warning (customer_id, owner_id, due_at, warned_at)
				select id, owner_id, due_at, ? from due where due_at > ?
				on conflict on constraint uq_pool_warning_cycle do nothing""").params(at, at).update();
		return new long[] { returned, warned };
	}

}
