-- Security (issue 10, hole 7): one canonical username form, failures counted per username and client address, and
-- a lock of a username for everyone only past a much higher threshold, which an administrator can lift.

-- Usernames are stored in their canonical form (dev.holdfast.shared.Usernames: NFKC, lower case, no combining marks);
-- every name created so far is letters, digits and . _ - @ +, for which that is the lower case. The lower() index
-- already kept names unique whatever their case, so lower-casing them makes no duplicates.
update employee set username = lower(username) where username <> lower(username);
drop index uq_employee_username;
alter table employee add constraint uq_employee_username unique (username);

-- login attempts are keyed by the canonical username; the pair counter also by the client address
drop index ix_login_attempt_username;
create index ix_login_attempt_username on login_attempt (username, attempted_at desc);

-- the lock of a username for everyone: when and after how many failures it started, and the administrator's unlock
-- (failures before an unlock no longer count)
alter table login_lockout
    add column locked_at   timestamptz not null default now(),
    add column failures    integer     not null default 0,
    add column unlocked_at timestamptz,
    add column unlocked_by bigint;

-- the lock of one username for one client address, after a few failures from there
create table login_address_lockout (
    username      varchar(64) not null,
    client_ip     varchar(64) not null,
    locked_at     timestamptz not null default now(),
    locked_until  timestamptz not null,
    constraint pk_login_address_lockout primary key (username, client_ip)
);
create index ix_login_address_lockout_until on login_address_lockout (locked_until);

-- administrators see locked usernames and unlock them
insert into role_permission (role_id, permission)
select r.id, 'login.unlock' from role r where r.code = 'ADMIN'
on conflict do nothing;
