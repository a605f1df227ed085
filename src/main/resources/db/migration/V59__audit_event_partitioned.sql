-- Issue 14, item 4: a year of audit data. audit_event is partitioned by month of occurred_at (declarative range
-- partitioning, UTC months): a search within a month range reads that month's partition and its indexes only, and a
-- month past holdfast.audit.online-months is archived into the backup store and dropped whole (audit.AuditArchive).
-- The table is rebuilt with its rows: every column, id and chain place kept.

-- the month partition of a given day, created when missing; its name when it exists afterwards, null when rows of
-- that month wait in the default partition (they stay there, searchable and verifiable, never archived)
create function audit_event_month(day date) returns text language plpgsql as $$
declare
    first timestamptz := date_trunc('month', day::timestamp) at time zone 'UTC';
    next  timestamptz := (date_trunc('month', day::timestamp) + interval '1 month') at time zone 'UTC';
    name  text := 'audit_event_y' || to_char(day, 'YYYY') || 'm' || to_char(day, 'MM');
begin
    -- two instances creating the same month at start-up take turns
    perform pg_advisory_xact_lock(hashtext('audit_event_month'));
    if to_regclass(name) is not null then
        return name;
    end if;
    if exists (select 1 from audit_event_default where occurred_at >= first and occurred_at < next) then
        raise warning 'audit events of % are in audit_event_default: no partition of their own', to_char(day, 'YYYY-MM');
        return null;
    end if;
    execute format('create table %I partition of audit_event for values from (%L) to (%L)', name, first, next);
    return name;
end;
$$;

alter table audit_event rename to audit_event_unpartitioned;
alter sequence audit_event_id_seq rename to audit_event_unpartitioned_id_seq;

create table audit_event (
    id              bigint generated always as identity,
    occurred_at     timestamptz  not null,
    actor_id        bigint,
    actor_username  varchar(64),
    action          varchar(64)  not null,
    target_type     varchar(40),
    target_id       varchar(64),
    client_ip       varchar(64),
    user_agent      varchar(512),
    details         text         not null default '{}',
    prev_hash       char(64),
    hash            char(64),
    chain_seq       bigint
) partition by range (occurred_at);

-- the safety net: an event of a month without a partition (the clock far off, start-up jobs not run) is kept here
-- rather than refused with the request it records
create table audit_event_default partition of audit_event default;

-- a partition for every month of the rows, and the coming two
do $$
declare
    month date;
begin
    for month in
        select generate_series(date_trunc('month', coalesce(min(occurred_at), now()) at time zone 'UTC'),
                               date_trunc('month', now() at time zone 'UTC') + interval '2 months',
                               interval '1 month')::date
        from audit_event_unpartitioned
    loop
        perform audit_event_month(month);
    end loop;
end;
$$;

insert into audit_event (id, occurred_at, actor_id, actor_username, action, target_type, target_id, client_ip,
                         user_agent, details, prev_hash, hash, chain_seq)
overriding system value
select id, occurred_at, actor_id, actor_username, action, target_type, target_id, client_ip, user_agent, details,
       prev_hash, hash, chain_seq
from audit_event_unpartitioned order by id;

drop table audit_event_unpartitioned;
select setval('audit_event_id_seq', coalesce((select max(id) from audit_event), 0) + 1, false);

-- a primary key (and any unique index) of a partitioned table holds the partition key
alter table audit_event add constraint pk_audit_event primary key (id, occurred_at);
alter table audit_event add constraint ck_audit_event_sealed
    check ((chain_seq is null) = (hash is null) and (hash is null) = (prev_hash is null));
create index ix_audit_event_occurred on audit_event (occurred_at desc);
create index ix_audit_event_action on audit_event (action, occurred_at desc);
create index ix_audit_event_target on audit_event (target_type, target_id, occurred_at desc);
create index ix_audit_event_actor_action on audit_event (actor_id, action, occurred_at);
-- the walk of the chain across partitions (merged in order). No longer unique: a unique index must hold
-- occurred_at; one place per event is the sealer's, which chains under the row lock of audit_chain_head
create index ix_audit_event_chain_seq on audit_event (chain_seq) where chain_seq is not null;
create index ix_audit_event_unsealed on audit_event (id) where chain_seq is null;

create trigger tg_audit_event_no_update_delete before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger tg_audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
