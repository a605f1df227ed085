-- The audit trail: append-only and hash-chained. The database itself refuses to change or remove an event.
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
    prev_hash       char(64)     not null,
    hash            char(64)     not null,
    constraint pk_audit_event primary key (id)
);
create index ix_audit_event_occurred on audit_event (occurred_at desc);
create index ix_audit_event_actor on audit_event (actor_id, occurred_at desc);
create index ix_audit_event_action on audit_event (action, occurred_at desc);
create index ix_audit_event_target on audit_event (target_type, target_id, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger tg_audit_event_no_update_delete before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger tg_audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
