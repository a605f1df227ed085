-- Issue 14, item 3: no global lock on the request path. A request inserts its audit events unsealed (no hash, no
-- place in the chain) without any lock; the sealer (audit.AuditSealer) chains committed events later, in batches,
-- holding the one row of audit_chain_head for update, so that two instances never chain an event twice. The chain's
-- order is the order of sealing (chain_seq), not the id order: ids are taken when the insert runs, and a transaction
-- with a lower id may commit after a higher one was sealed.
alter table audit_event
    alter column prev_hash drop not null,
    alter column hash drop not null,
    add column chain_seq bigint;

-- the chain so far was in id order, every event of it chained
alter table audit_event disable trigger tg_audit_event_no_update_delete;
update audit_event set chain_seq = id;
alter table audit_event enable trigger tg_audit_event_no_update_delete;

-- an event is either unsealed (all three empty) or sealed (all three set)
alter table audit_event add constraint ck_audit_event_sealed
    check ((chain_seq is null) = (hash is null) and (hash is null) = (prev_hash is null));

-- the walk of the chain; partial, so that an insert (unsealed) does not touch it
create unique index uq_audit_event_chain_seq on audit_event (chain_seq) where chain_seq is not null;
-- what the sealer has to do: only the events not sealed yet, a few seconds' worth
create index ix_audit_event_unsealed on audit_event (id) where chain_seq is null;

-- The end of the chain, one row: the sealer's lock across instances, and where the next event links to.
create table audit_chain_head (
    id          smallint    not null default 1,
    chain_seq   bigint      not null,
    event_id    bigint,
    hash        char(64)    not null,
    sealed_at   timestamptz,
    constraint pk_audit_chain_head primary key (id),
    constraint ck_audit_chain_head_one_row check (id = 1)
);
insert into audit_chain_head (chain_seq, event_id, hash)
select coalesce(last.id, 0), last.id, coalesce(last.hash, repeat('0', 64))
from (select 1) one
left join lateral (select id, hash from audit_event order by id desc limit 1) last on true;

-- Sealing is the one change an event allows: from unsealed to sealed, its own fields untouched. Everything else
-- stays refused, as before.
create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.chain_seq is null and new.chain_seq is not null
            and to_jsonb(new) - '{chain_seq,prev_hash,hash}'::text[]
                = to_jsonb(old) - '{chain_seq,prev_hash,hash}'::text[] then
        return new;
    end if;
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

-- the request path no longer takes the chain's advisory lock (V19)
drop function audit_chain_end(bigint);
