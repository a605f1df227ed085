-- Issue 12, item 1: read-only views the owning modules publish on purpose, so that other modules' set-based SQL
-- joins them instead of the owners' tables (docs/architecture.md, "Who owns each table", marks them published view).
-- Each holds only columns that are no secret inside the company; writes go through the owner's API.

-- organization: employees' names, status, department and reporting line (acceptance reports, visitors, handover
-- plans, risk subjects, export requesters). No password hash, credential dates, e-mail or phone.
create view employee_directory as
select id, username, display_name, status, department_id, manager_id
from employee;

-- organization: the department tree (scopes of pools, dashboards, key customers, visitors; report filters).
create view department_directory as
select id, name, parent_id
from department;

-- organization: roles by code and name, and who holds which (agreements owed per role, risk peers, field policies).
-- No data scope: that stays behind organization's API.
create view role_directory as
select id, code, name
from role;

create view role_assignment as
select employee_id, role_id
from employee_role;

-- customer: current (not removed) team memberships; the expiry stays a column, since readers judge it against their
-- own instant (care's key-account teams and rhythm access). Members change only through customer's API.
create view customer_team as
select customer_id, employee_id, access, expires_at
from customer_member
where removed_at is null;

-- customer: the ownership changes written by customer.Ownership, without who made them or why (the dashboard's pool
-- activity, the follow-up rhythm's start).
create view customer_owner_change as
select customer_id, kind, old_owner_id, new_owner_id, changed_at
from customer_owner_history;

-- customer: the daily reveal quota of a role is a rule of customer's (masking and audited reveal), so it moves out of
-- organization's role table into customer's own, like role_field_policy. No row: the configured default
-- (holdfast.protection.reveal.daily-quota).
create table role_reveal_quota (
    role_id      bigint  not null,
    daily_quota  integer not null,
    constraint pk_role_reveal_quota primary key (role_id),
    constraint fk_role_reveal_quota_role foreign key (role_id) references role (id),
    constraint ck_role_reveal_quota_daily_quota check (daily_quota >= 0)
);
insert into role_reveal_quota (role_id, daily_quota)
select id, reveal_daily_quota from role where reveal_daily_quota is not null;
alter table role drop column reveal_daily_quota;
