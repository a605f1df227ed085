-- Issue 10, hole 6: a customer of someone serving notice goes through the handover. The nightly job returned such
-- customers to the pool when their rule fell due during the notice period, which took them out of the handover plan
-- (and a leaver could make that happen by letting them fall due). The one definition of who is due now leaves leavers'
-- customers out; everything else is as in V16.
create or replace view pool_due as
with recursive up (department_id, ancestor_id, depth) as (
    select id, id, 0 from department
    union all
    select u.department_id, d.parent_id, u.depth + 1 from up u join department d on d.id = u.ancestor_id
    where d.parent_id is not null),
company as (select id from pool where company_wide),
department_pool as (
    select distinct on (u.department_id) u.department_id, p.id as pool_id
    from up u join pool p on p.department_id = u.ancestor_id and p.active
    order by u.department_id, u.depth),
rule as (
    select distinct on (p.id, r.level) p.id as pool_id, r.level, r.return_after_days, r.no_progress_days,
           r.warn_days, r.active
    from pool p join pool_rule r on r.pool_id = p.id or r.pool_id = (select id from company)
    where p.active
    order by p.id, r.level, (r.pool_id = p.id) desc)
select c.id as customer_id, c.owner_id, c.level, r.pool_id, r.warn_days,
       least(greatest(o.since, c.last_followed_up_at) + r.return_after_days * interval '1 day',
             greatest(o.since, c.status_changed_at) + r.no_progress_days * interval '1 day') as due_at
from customer c
join employee e on e.id = c.owner_id
left join department_pool dp on dp.department_id = e.department_id
join rule r on r.pool_id = coalesce(dp.pool_id, (select id from company)) and r.level = c.level and r.active
cross join lateral (
    select greatest(c.created_at, (select max(h.changed_at) from customer_owner_history h
                                   where h.customer_id = c.id)) as since) o
where c.archived_at is null and c.status <> 'WON' and e.status <> 'LEAVING'
  and (r.return_after_days is not null or r.no_progress_days is not null)
  and not exists (select 1 from customer_lock l where l.customer_id = c.id and l.released_at is null);
