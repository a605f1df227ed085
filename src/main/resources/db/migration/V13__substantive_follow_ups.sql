-- Which follow-ups count (a visit or a meeting, a note of some length, or one with a file): only those
-- reset a customer's rhythm and reclaim clocks. The customer keeps the instant of its last one, and of its last
-- status change, so that the rhythm, the reminders and the nightly pool job read one row per customer.
-- The permissions of the work rules (pool, locks, templates, know-how, dashboard) are granted here once.

alter table follow_up add column substantive boolean not null default false;
update follow_up set substantive = kind in ('VISIT', 'MEETING') or char_length(content) >= 20;
create index ix_follow_up_substantive on follow_up (customer_id, created_at desc) where substantive;

alter table customer add column last_followed_up_at timestamptz;
alter table customer add column status_changed_at timestamptz;
update customer c set last_followed_up_at = f.at
from (select customer_id, max(created_at) as at from follow_up where substantive group by customer_id) f
where f.customer_id = c.id;
update customer set status_changed_at = created_at;
alter table customer alter column status_changed_at set not null;
alter table customer alter column status_changed_at set default now();

insert into role_permission (role_id, permission)
select r.id, p.permission
from role r
join (values ('ADMIN', 'pool.assign'), ('SALES_MANAGER', 'pool.assign'),
             ('ADMIN', 'pool.manage'),
             ('ADMIN', 'customer.lock'), ('SALES_MANAGER', 'customer.lock'),
             ('ADMIN', 'followup.template'),
             ('ADMIN', 'knowhow.publish'), ('SALES_MANAGER', 'knowhow.publish'),
             ('ADMIN', 'dashboard.read'), ('SALES_MANAGER', 'dashboard.read')) as p(role, permission)
  on p.role = r.code;

-- the public pool's moves in the ownership history
alter table customer_owner_history drop constraint ck_customer_owner_history_kind;
alter table customer_owner_history add constraint ck_customer_owner_history_kind
    check (kind in ('CREATED', 'EDIT', 'TRANSFER', 'RESTORE', 'HANDOVER', 'DEPARTURE', 'POOL_RETURN', 'CLAIM',
                    'POOL_ASSIGN'));
